// Binary classification metrics for the toxicity evaluation: precision, recall, F1 at a threshold
// and ROC AUC (Mann–Whitney, ties counted half).

export interface BinaryMetrics {
  precision: number;
  recall: number;
  f1: number;
  auc: number;
}

export function rocAuc(scores: number[], labels: number[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j < order.length && order[j][0] === order[i][0]) j++;
    const midRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++)
      if (order[k][1] === 1) {
        rankSum += midRank;
        positives++;
      }
    i = j;
  }
  const negatives = order.length - positives;
  if (!positives || !negatives) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function metricsAt(scores: number[], labels: number[], threshold: number): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const predicted = s >= threshold;
    if (predicted && labels[i] === 1) tp++;
    else if (predicted) fp++;
    else if (labels[i] === 1) fn++;
  });
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, auc: rocAuc(scores, labels) };
}

/** The threshold with the best F1 on these (training-side) scores. */
export function bestF1Threshold(scores: number[], labels: number[]): number {
  const candidates = [...new Set(scores)].sort((a, b) => a - b);
  let best = 0.5;
  let bestF1 = -1;
  // Thresholds between neighbouring scores; a coarse grid is enough and keeps this linear-ish.
  const step = Math.max(1, Math.floor(candidates.length / 400));
  for (let i = 0; i < candidates.length; i += step) {
    const f1 = metricsAt(scores, labels, candidates[i]).f1;
    if (f1 > bestF1) {
      bestF1 = f1;
      best = candidates[i];
    }
  }
  return best;
}
