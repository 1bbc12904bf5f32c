import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { type About, aboutId } from '../../shared/about';

export type Feelings = Schemas['Feelings'];
export type FeelingPoint = Schemas['FeelingPoint'];
export type FeelingMoment = Schemas['FeelingMoment'];
export type Emotion = FeelingPoint['topEmotion'];

/** A colour per emotion (Mantine palette names), for badges and the chart's points. */
export const EMOTION_COLOR: Record<Emotion, string> = {
  anger: 'red',
  frustration: 'orange',
  disgust: 'grape',
  sadness: 'indigo',
  fear: 'violet',
  surprise: 'yellow',
  joy: 'lime',
  gratitude: 'teal',
  neutral: 'gray',
};

export const LABEL_COLOR: Record<FeelingPoint['label'], string> = {
  positive: 'teal',
  negative: 'red',
  neutral: 'gray',
};

export const TREND_ARROW: Record<Feelings['summary']['trend'], string> = {
  improving: '↗',
  worsening: '↘',
  steady: '→',
};

/** How a person or a company has felt over the last `days` days (the API's default: 180). */
export function useFeelings(about: About) {
  const id = aboutId(about);
  return useQuery({
    queryKey: ['feelings', id],
    queryFn: () =>
      call(
        about.personId
          ? api.GET('/api/v1/people/{id}/feelings', { params: { path: { id } } })
          : api.GET('/api/v1/companies/{id}/feelings', { params: { path: { id } } }),
      ),
  });
}
