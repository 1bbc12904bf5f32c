// Pure models with no database and no network: text analysis (sentiment, emotions, explained),
// and customer value (clv/). The text model ships in packages/models/data (see load.ts).

export {
  addBusinessMinutes,
  BusinessCalendar,
  businessMinutesBetween,
  CalendarError,
  type CalendarSpec,
  isTimeZone,
  minutesOfDay,
  type Weekday,
} from './calendar/business-time.ts';
export * from './clv/index.ts';
export { clopperPearson, meanInterval, netScoreInterval, studentTQuantile } from './stats.ts';
export {
  type AnalyzeOptions,
  analyzeText,
  type Driver,
  EMOTIONS,
  type Emotion,
  type Emotions,
  labelOf,
  type SentenceAnalysis,
  type SentimentLabel,
  type TextAnalysis,
} from './text/analyze.ts';
export { fineEmotions } from './text/fine.ts';
export { MODEL_FILE, textModel } from './text/load.ts';
export type { TextModel } from './text/model.ts';
export { findThemes, type Theme, type ThemeOptions, type ThemeText } from './text/themes.ts';
