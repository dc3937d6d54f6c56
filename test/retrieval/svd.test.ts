import { describe, expect, it } from "vitest";
import { type SparseRows, symmetricEigen, truncatedSvd } from "../../src/retrieval/svd.ts";

function sparse(dense: number[][]): SparseRows {
  const indices: Int32Array[] = [];
  const values: Float64Array[] = [];
  for (const row of dense) {
    const columns = row.flatMap((value, column) => (value === 0 ? [] : [column]));
    indices.push(Int32Array.from(columns));
    values.push(Float64Array.from(columns, (column) => row[column] as number));
  }
  return { columns: dense[0]?.length ?? 0, indices, values };
}

// A 4 × 3 matrix with singular values 5, 3 and 1 by construction (orthogonal U and V).
const U = [
  [0.5, 0.5, 0.5],
  [0.5, -0.5, 0.5],
  [0.5, 0.5, -0.5],
  [0.5, -0.5, -0.5],
];
const S = [5, 3, 1];
const V = [
  [2 / 3, -2 / 3, 1 / 3],
  [2 / 3, 1 / 3, -2 / 3],
  [1 / 3, 2 / 3, 2 / 3],
];
const A = U.map((row) =>
  V.map((vRow) => row.reduce((sum, u, k) => sum + u * (S[k] as number) * (vRow[k] as number), 0)),
);

describe("truncatedSvd", () => {
  it("recovers the singular values of a small matrix", () => {
    const svd = truncatedSvd(sparse(A), 3);
    expect([...svd.singularValues].map((value) => Number(value.toFixed(6)))).toEqual([5, 3, 1]);
  });

  it("reconstructs the matrix from its triplets and keeps the vectors orthonormal", () => {
    const svd = truncatedSvd(sparse(A), 3);
    for (let row = 0; row < 4; row += 1) {
      for (let column = 0; column < 3; column += 1) {
        let value = 0;
        for (let k = 0; k < 3; k += 1)
          value +=
            (svd.left[row * 3 + k] as number) *
            (svd.singularValues[k] as number) *
            (svd.right[column * 3 + k] as number);
        expect(value).toBeCloseTo(A[row]?.[column] as number, 8);
      }
    }
    for (let i = 0; i < 3; i += 1) {
      for (let j = 0; j < 3; j += 1) {
        let dot = 0;
        for (let column = 0; column < 3; column += 1)
          dot += (svd.right[column * 3 + i] as number) * (svd.right[column * 3 + j] as number);
        expect(dot).toBeCloseTo(i === j ? 1 : 0, 8);
      }
    }
  });

  it("keeps the dominant direction when truncated to rank one", () => {
    const svd = truncatedSvd(sparse(A), 1);
    expect(svd.rank).toBe(1);
    expect(svd.singularValues[0]).toBeCloseTo(5, 8);
    const direction = [0, 1, 2].map((column) => Math.abs(svd.right[column] as number));
    direction.forEach((value, column) => {
      expect(value).toBeCloseTo(Math.abs(V[column]?.[0] as number), 6);
    });
  });

  it("gives zero singular values for a rank-deficient matrix instead of failing", () => {
    const svd = truncatedSvd(
      sparse([
        [1, 2],
        [2, 4],
        [3, 6],
      ]),
      2,
    );
    expect(svd.singularValues[0]).toBeCloseTo(Math.sqrt(70), 8);
    expect(svd.singularValues[1]).toBeCloseTo(0, 8);
  });
});

describe("symmetricEigen", () => {
  it("diagonalises a symmetric matrix", () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect([...values].sort()).toEqual([expect.closeTo(1, 10), expect.closeTo(3, 10)]);
  });
});
