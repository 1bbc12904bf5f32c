import { createInterface } from 'node:readline';
import type { Command } from 'commander';

interface AnalyzeOptions {
  emotions: boolean;
  jsonl?: boolean;
}

/** A line of --jsonl input: a JSON string, or an object with a string `text`. */
function textOf(line: string): string {
  const value = JSON.parse(line) as unknown;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string')
    return (value as { text: string }).text;
  throw new Error('expected a JSON string or an object with a "text" string');
}

export function registerText(program: Command): void {
  const text = program
    .command('text')
    .description('Text analysis that runs locally (no database, no network)');
  text
    .command('analyze')
    .description(
      'Sentiment and emotions, explained: one text per line on stdin, one JSON object per line on stdout',
    )
    .option('--no-emotions', 'sentiment and its explanation only (several times faster)')
    .option(
      '--jsonl',
      'each input line is a JSON string or {"text": …} (for texts with line breaks, e.g. emails)',
    )
    .addHelpText(
      'after',
      `
Each output line answers the input line of the same number: {"sentiment": {"label", "score",
"intensity"}, "emotions": {"anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral",
"frustration", "gratitude"}, "explanation": {"sentiment": [{"text", "weight"}], "emotions": {…}}}.
An empty line answers neutral. A --jsonl line that is not JSON is reported on stderr with its
line number, answered with {"error": …}, and the command exits with 1 at the end.

Examples:
  $ echo "My order never arrived and nobody answers my emails." | rapport text analyze
  $ rapport text analyze --no-emotions < reviews.txt > sentiment.jsonl
  $ rapport text analyze --jsonl < emails.jsonl`,
    )
    .action(async (options: AnalyzeOptions) => {
      const { analyzeTexts } = await import('@rapport/core');
      const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      let number = 0;
      let failed = 0;
      for await (const line of lines) {
        number++;
        let input: string;
        try {
          input = options.jsonl && line.trim() !== '' ? textOf(line) : line;
        } catch (error) {
          failed++;
          const message = `line ${number}: ${(error as Error).message}`;
          process.stderr.write(`error: ${message}\n`);
          process.stdout.write(`${JSON.stringify({ error: message })}\n`);
          continue;
        }
        const [analysis] = analyzeTexts({ texts: [input], emotions: options.emotions }).data;
        if (!process.stdout.write(`${JSON.stringify(analysis)}\n`))
          await new Promise((resolve) => process.stdout.once('drain', resolve));
      }
      if (failed) process.exitCode = 1;
    });
}
