import type { Guide, Material } from "../knowledge/index.ts";

export type MaterialStatus = "exempt" | "provided" | "needed" | "conditional";

export interface MaterialCheckItem {
  name: string;
  form: Material["form"];
  count: number;
  when?: string;
  note?: string;
  exempt: boolean;
  status: MaterialStatus;
}

/** 申请材料预审: which materials the government already holds (两个免于提交) and what is still needed. */
export interface MaterialsPrecheck {
  matterId: string;
  items: MaterialCheckItem[];
  exempt: string[];
  needed: string[];
  conditional: string[];
}

/** Marks each material exempt, already provided (by name), needed, or needed only in some cases. */
export function precheckMaterials(guide: Guide, provided: readonly string[] = []): MaterialsPrecheck {
  const has = (name: string) =>
    provided.some((item) => item.trim() && (name.includes(item.trim()) || item.includes(name)));
  const items = guide.materials.map((material): MaterialCheckItem => {
    const status: MaterialStatus = material.exempt
      ? "exempt"
      : has(material.name)
        ? "provided"
        : material.when
          ? "conditional"
          : "needed";
    return {
      name: material.name,
      form: material.form,
      count: material.count,
      ...(material.when ? { when: material.when } : {}),
      ...(material.note ? { note: material.note } : {}),
      exempt: material.exempt,
      status,
    };
  });
  const named = (status: MaterialStatus) => items.filter((item) => item.status === status).map((item) => item.name);
  return {
    matterId: guide.id,
    items,
    exempt: named("exempt"),
    needed: named("needed"),
    conditional: named("conditional"),
  };
}
