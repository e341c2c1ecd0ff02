// The shapes the search evaluation and its peer systems share.
export interface Paragraph {
  title: string;
  context: string;
}
export interface Question {
  question: string;
  paragraph: number;
}
export interface Corpus {
  paragraphs: Paragraph[];
  questions: Question[];
}

export interface SystemResult {
  name: string;
  ranks: number[]; // 0-based rank of the answering paragraph, -1 when not in the top 10
  latenciesMs: number[];
}
