/**
 * The labelled text sets in ../shared/data (see each folder's README; never copied here) and
 * Rapport's own customer-service set, parsed for the text accuracy benchmark and tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED = process.env.RAPPORT_SHARED_DATA ?? join(import.meta.dirname, '../../../shared/data');
export const hasShared = () => existsSync(join(SHARED, 'vader-groundtruth'));
export const sharedFile = (path: string) => readFileSync(join(SHARED, path), 'utf8');

export interface Rated {
  id: string;
  /** Mean human rating, −4 … +4. */
  mean: number;
  text: string;
}

/** A VADER ground-truth file: `ID \t MEAN \t TEXT`, CRLF, maybe a BOM. */
export function vaderSet(name: 'tweets' | 'movieReviewSnippets'): Rated[] {
  return sharedFile(`vader-groundtruth/${name}_GroundTruth.txt`)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id, mean, ...text] = line.split('\t');
      return { id: id!, mean: Number(mean), text: text.join('\t') };
    });
}

/** UCI sentiment labelled sentences, Amazon: `sentence \t 0|1`, split on the last TAB. */
export function amazonSet(): { text: string; positive: boolean }[] {
  return sharedFile('uci-sentiment-labelled-sentences/amazon_cells_labelled.txt')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const tab = line.lastIndexOf('\t');
      return { text: line.slice(0, tab).trim(), positive: line.slice(tab + 1).trim() === '1' };
    });
}

export interface ServiceMessage {
  id: string;
  text: string;
  sentiment: 'positive' | 'negative' | 'neutral';
  emotions: string[];
  kind: string;
  channel: string;
}

/** Rapport's labelled customer-service messages (written for Rapport; in the repo). */
export function serviceSet(): ServiceMessage[] {
  const file = join(import.meta.dirname, '../../packages/models/src/text/fixtures/customer-service.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ServiceMessage);
}
