// "Popular" as the lower bound of the Wilson score interval (95 %) for the share of likes: a
// comment with 9 of 10 likes ranks above one with 1 of 1, and both above 0 votes.
const Z = 1.96;

export function wilsonLowerBound(likes: number, dislikes: number): number {
  const n = likes + dislikes;
  if (n === 0) return 0;
  const p = likes / n;
  const z2 = Z * Z;
  return (p + z2 / (2 * n) - Z * Math.sqrt((p * (1 - p) + z2 / (4 * n)) / n)) / (1 + z2 / n);
}
