import { afterAll, describe, expect, it } from "vitest";
import { dot, LsaEmbedder } from "../../src/retrieval/index.ts";
import { tempDir } from "../helpers/test-app.ts";

const corpus = [
  "居住证 申领 材料 身份证 租赁合同",
  "居住证 签注 有效期 延续 续签",
  "居住证 积分 申请 120分 标准",
  "犬只 登记 狗证 狂犬疫苗 年检",
  "犬只 年检 狗证 免疫 证明",
  "公积金 提取 租房 购房 账户",
  "公积金 贷款 购房 首付 利率",
];

describe("LsaEmbedder", () => {
  const embedder = LsaEmbedder.fit(corpus, 4);
  const directory = tempDir();
  afterAll(() => directory.remove());

  it("gives unit vectors of the fitted dimension", () => {
    const [vector] = embedder.embedSync(["狗证 年检"]);
    expect(vector?.length).toBe(4);
    expect(dot(vector as Float32Array, vector as Float32Array)).toBeCloseTo(1, 5);
  });

  it("puts texts about the same matter closer than texts about another", () => {
    const [dog, dogAgain, fund] = embedder.embedSync(["狗证 年检", "犬只 登记 免疫", "公积金 提取"]);
    expect(dot(dog as Float32Array, dogAgain as Float32Array)).toBeGreaterThan(
      dot(dog as Float32Array, fund as Float32Array) + 0.3,
    );
  });

  it("embeds a text with no known term as the zero vector", () => {
    const [vector] = embedder.embedSync(["😀 ？？"]);
    expect([...(vector as Float32Array)].every((value) => value === 0)).toBe(true);
  });

  it("saves and loads to the same embeddings", async () => {
    embedder.save(directory.path);
    const loaded = LsaEmbedder.load(directory.path);
    expect(loaded?.id).toBe(embedder.id);
    const [before] = embedder.embedSync(["居住证 续签"]);
    const [after] = (await loaded?.embed(["居住证 续签"])) ?? [];
    expect([...(after as Float32Array)]).toEqual([...(before as Float32Array)]);
  });
});
