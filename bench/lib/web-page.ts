import type { Browser, BrowserContext } from 'playwright-core';

/**
 * A fresh browser context (empty cache, like a first visit) signed in with the session cookie
 * of `email`/`password`, obtained from the server's own login route.
 */
export async function signedInContext(
  browser: Browser,
  baseUrl: string,
  login: { email: string; password: string; workspace?: string },
): Promise<BrowserContext> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(login),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error('login set no cookie');
  const [name, value] = cookie.split('=') as [string, string];
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ name, value, url: baseUrl }]);
  return context;
}

/**
 * Page script: records performance.now() when an element matching `selector` first exists, in
 * `window.__seen[selector]`. Installed before the page loads, so no polling delay is measured.
 */
export function watchScript(selectors: string[]): string {
  return `(() => {
    const seen = (window.__seen = {});
    const wanted = ${JSON.stringify(selectors)};
    const check = () => { for (const s of wanted) if (!(s in seen) && document.querySelector(s)) seen[s] = performance.now(); };
    new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}
