import { analyzeTexts, MAX_TEXTS, textAnalyses, textAnalyzeInput } from '@rapport/core';
import { authenticatedRoute, type Route } from '../http/route.ts';

export const textRoutes: Route[] = [
  authenticatedRoute({
    method: 'post',
    path: '/text/analyze',
    tag: 'Text',
    summary: `Sentiment and emotions of up to ${MAX_TEXTS} texts, explained`,
    description:
      'Runs locally (no network): sentiment (label, score in [−1, 1], intensity), the emotions anger, disgust, fear, joy, sadness, surprise, neutral, frustration and gratitude (each in [0, 1], 0.5 and above present), and the words and phrases behind them. Emails are cleaned first (quoted replies, signatures, disclaimers, HTML) and long texts are scored sentence by sentence. The body is limited to 1 MiB. Nothing is stored.',
    body: textAnalyzeInput,
    response: { status: 200, schema: textAnalyses },
    handler: ({ body }) => analyzeTexts(body),
  }),
];
