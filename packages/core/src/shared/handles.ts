import { z } from 'zod';

/**
 * Social handles, as people's profiles store them and as reviews and mentions name their
 * authors. A handle is kept normalised: lower case, no leading @, no profile URL around it, so
 * "@Ada_L", "https://x.com/ada_l/" and "twitter.com/Ada_L?s=20" are all `ada_l`.
 */

/** Profile URL prefixes of the common networks, before the handle. */
const PROFILE_PREFIXES = [
  /^(?:[a-z0-9-]+\.)?(?:x|twitter)\.com\//,
  /^(?:[a-z0-9-]+\.)?instagram\.com\//,
  /^(?:[a-z0-9-]+\.)?linkedin\.com\/(?:in|company|pub)\//,
  /^(?:[a-z0-9-]+\.)?reddit\.com\/(?:u|user)\//,
  /^(?:[a-z0-9-]+\.)?(?:facebook|fb)\.com\//,
  /^(?:[a-z0-9-]+\.)?tiktok\.com\//,
  /^(?:[a-z0-9-]+\.)?threads\.(?:net|com)\//,
  /^(?:[a-z0-9-]+\.)?youtube\.com\//,
  /^(?:[a-z0-9-]+\.)?github\.com\//,
  /^bsky\.app\/profile\//,
];

/** Words in a profile path that are not the handle (`/in/`, `/u/`, `/user/`, `/profile/`). */
const PATH_WORDS = new Set(['in', 'u', 'user', 'profile', 'company', 'pub']);

/** The handle in "@Ada_L", "ada_l", "https://x.com/ada_l", "u/ada_l", …; '' when there is none. */
export function normaliseHandle(raw: string): string {
  let value = raw.trim().toLowerCase();
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^www\./, '');
  const known = PROFILE_PREFIXES.find((prefix) => prefix.test(value));
  if (known) {
    value = value.replace(known, '');
  } else if (/^[a-z0-9-]+(\.[a-z0-9-]+)+\//.test(value)) {
    // Another site's profile URL: the first path segment that is not a word like /in/.
    const segments = value.split(/[?#]/)[0]!.split('/').slice(1).filter(Boolean);
    value = segments.find((segment) => !PATH_WORDS.has(segment)) ?? '';
  }
  value = value.replace(/^\/?(?:u|user)\//, '');
  value = value.split(/[?#]/)[0]!.split('/').find(Boolean) ?? '';
  return value.replace(/^@+/, '').trim();
}

/** A network or source name as stored: lower case; "twitter" and "x.com" are `x`. */
export function normaliseNetwork(raw: string): string {
  const value = raw.trim().toLowerCase().replace(/\s+/g, '-');
  if (value === 'twitter' || value === 'x.com' || value === 'twitter.com') return 'x';
  return value.replace(/\.com$/, '');
}

export const NETWORK = /^[a-z0-9][a-z0-9._-]{0,49}$/;
const NETWORK_MESSAGE = 'must be a short name like instagram, x or linkedin (letters, digits, . _ -)';

/** A network or source name, normalised and checked. */
export const network = z
  .string()
  .transform(normaliseNetwork)
  .pipe(z.string().regex(NETWORK, NETWORK_MESSAGE));

/** A person's handles by network: `{ "x": "ada_l", "instagram": "ada.lovelace" }` (URLs and @ allowed in). */
export const socialHandles = z
  .record(z.string(), z.string())
  .transform((map, ctx) => {
    const out: Record<string, string> = {};
    for (const [key, raw] of Object.entries(map)) {
      const name = normaliseNetwork(key);
      const handle = normaliseHandle(raw);
      if (!NETWORK.test(name)) ctx.addIssue({ code: 'custom', path: [key], message: NETWORK_MESSAGE });
      else if (!handle || handle.length > 100 || /\s/.test(handle)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'must be a handle like @ada_l or a profile URL like https://instagram.com/ada_l',
        });
      } else out[name] = handle;
    }
    if (Object.keys(out).length > 20) ctx.addIssue({ code: 'custom', message: 'at most 20 networks' });
    return out;
  })
  .meta({
    id: 'SocialHandles',
    description:
      'Handles by network, e.g. { "x": "ada_l", "instagram": "ada.lovelace" }; given as @handle or a profile URL, stored as the bare handle in lower case.',
  });

/** `x:ada_l|instagram:ada.l` (as CSV cells hold them) into a map; a URL alone names its network. */
export function parseHandleList(items: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of items) {
    const value = item.trim();
    const url = /^(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+)\.(?:com|net|app)\//i.exec(value);
    const pair = /^([a-z0-9._-]+)\s*[:=]\s*(.+)$/i.exec(value);
    if (pair && !/^https?$/i.test(pair[1]!)) out[pair[1]!] = pair[2]!;
    else if (url) out[url[1]!.toLowerCase() === 'twitter' ? 'x' : url[1]!.toLowerCase()] = value;
    else out[''] = value; // no network: refused by socialHandles with the item's text
  }
  return out;
}

/** The map back as `x:ada_l|instagram:ada.l`. */
export function formatHandleList(handles: Record<string, string>): string {
  return Object.entries(handles)
    .map(([name, handle]) => `${name}:${handle}`)
    .join('|');
}
