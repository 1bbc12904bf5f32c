import type { AnswerForm, ErrorDetail, SurveyQuestion } from '@rapport/core';

/**
 * The public survey pages as plain HTML: one small inline style sheet, no script, no external
 * asset. Mobile first (the 0–10 scale is a row of large buttons that wraps), accessible (a
 * fieldset and legend per question, labels, errors tied to their fields), and a plain form POST.
 */

export const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!,
  );

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:17px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1b1e;background:#f4f5f7}
main{max-width:40rem;margin:0 auto;padding:1.25rem 1rem 3rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
.card{background:#fff;border-radius:12px;padding:1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}
fieldset,.field{border:0;margin:0 0 1.75rem;padding:0;min-width:0}
legend,.label{font-weight:600;margin-bottom:.6rem;padding:0;display:block}
.req{font-weight:400;color:#5c5f66;font-size:.9rem}
.scale{display:flex;flex-wrap:wrap;gap:.4rem}
.scale label{flex:1 0 2.9rem;max-width:4.5rem}
.option{display:flex;align-items:center;gap:.7rem;min-height:3rem;padding:.5rem .75rem;margin-bottom:.4rem;border:1px solid #ced4da;border-radius:8px;cursor:pointer}
.scale input,.option input{width:1.3rem;height:1.3rem;margin:0;accent-color:#1864ab}
.scale input{position:absolute;opacity:0;pointer-events:none}
.scale span{display:flex;align-items:center;justify-content:center;min-height:3rem;border:1px solid #ced4da;border-radius:8px;font-weight:600;cursor:pointer;background:#fff}
.scale input:checked+span{background:#1864ab;border-color:#1864ab;color:#fff}
.scale input:focus-visible+span,.option:focus-within{outline:3px solid #74c0fc;outline-offset:2px}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.85rem;color:#5c5f66;margin-top:.35rem}
textarea{width:100%;min-height:7rem;font:inherit;padding:.6rem;border:1px solid #ced4da;border-radius:8px}
textarea:focus{outline:3px solid #74c0fc;outline-offset:1px}
.error{color:#c92a2a;font-weight:600;margin:.4rem 0 0}
.invalid textarea,.invalid .scale span,.invalid .option{border-color:#c92a2a}
.summary{border:2px solid #c92a2a;border-radius:8px;padding:.75rem 1rem;margin-bottom:1.25rem;background:#fff5f5}
.summary a{color:#c92a2a}
button{width:100%;min-height:3.25rem;font:inherit;font-weight:600;color:#fff;background:#1864ab;border:0;border-radius:8px;cursor:pointer}
button:focus-visible{outline:3px solid #74c0fc;outline-offset:2px}
.muted{color:#5c5f66}
h2{font-size:1.1rem;margin:0 0 .6rem}
.list{margin:0;padding-left:1.1rem}
.list li{margin-bottom:.6rem}
`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** A page that only says something: thanks, expired, already answered, not valid. */
export function messagePage(title: string, message: string, more?: string): string {
  const paragraphs = [message, ...(more ? [more] : [])].map((text) => `<p>${esc(text)}</p>`).join('');
  return page(title, `<h1>${esc(title)}</h1><div class="card">${paragraphs}</div>`);
}

type Values = Record<string, string | string[]>;

function picked(values: Values, id: string): string[] {
  const value = values[id];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function describedBy(id: string, hint: boolean, error: string | undefined) {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids ? ` aria-describedby="${ids}"` : '';
}

function question(q: SurveyQuestion, values: Values, error: string | undefined): string {
  const fid = `q-${q.id}`;
  const required = q.required
    ? ' <span class="req">(required)</span>'
    : ' <span class="req">(optional)</span>';
  const errorLine = error ? `<p class="error" id="${fid}-error">${esc(error)}</p>` : '';
  const invalid = error ? ' aria-invalid="true"' : '';
  const cls = error ? ' class="invalid"' : '';
  if (q.type === 'text') {
    const value = picked(values, q.id)[0] ?? '';
    return `<div class="field${error ? ' invalid' : ''}"><label class="label" for="${fid}">${esc(q.label)}${required}</label>
<textarea id="${fid}" name="${q.id}" maxlength="${q.maxLength}"${q.required ? ' required' : ''}${invalid}${describedBy(fid, false, error)}>${esc(value)}</textarea>${errorLine}</div>`;
  }
  const chosen = new Set(picked(values, q.id));
  const hint = q.type === 'scale' && (q.minLabel || q.maxLabel);
  const header = `<fieldset id="${fid}"${cls}${describedBy(fid, Boolean(hint), error)}><legend>${esc(q.label)}${required}</legend>`;
  if (q.type === 'scale') {
    const buttons: string[] = [];
    for (let n = q.min; n <= q.max; n++) {
      const check = chosen.has(String(n)) ? ' checked' : '';
      const need = q.required && n === q.min ? ' required' : '';
      buttons.push(
        `<label><input type="radio" name="${q.id}" value="${n}"${check}${need}${invalid}><span>${n}</span></label>`,
      );
    }
    const ends = hint
      ? `<div class="ends" id="${fid}-hint"><span>${q.min} = ${esc(q.minLabel ?? '')}</span><span>${q.max} = ${esc(q.maxLabel ?? '')}</span></div>`
      : '';
    return `${header}<div class="scale">${buttons.join('')}</div>${ends}${errorLine}</fieldset>`;
  }
  const type = q.multiple ? 'checkbox' : 'radio';
  const options = q.options.map((option, index) => {
    const check = chosen.has(option) ? ' checked' : '';
    const need = q.required && !q.multiple && index === 0 ? ' required' : '';
    return `<label class="option"><input type="${type}" name="${q.id}" value="${esc(option)}"${check}${need}${invalid}>${esc(option)}</label>`;
  });
  const tip = q.multiple ? '<p class="muted">Choose any that apply.</p>' : '';
  return `${header}${tip}${options.join('')}${errorLine}</fieldset>`;
}

/** The survey's form, with the answers given and their errors when it comes back to be corrected. */
export function formPage(form: AnswerForm, values: Values = {}, errors: ErrorDetail[] = []): string {
  const byId = new Map(errors.map((e) => [e.path, e.message]));
  const questions = form.questions as SurveyQuestion[];
  const summary = errors.length
    ? `<div class="summary" role="alert"><p><strong>${errors.length === 1 ? 'One answer needs' : `${errors.length} answers need`} another look; nothing was recorded yet.</strong></p><ul>${errors
        .map((e) => {
          const q = questions.find((item) => item.id === e.path);
          return `<li><a href="#q-${esc(e.path)}">${esc(q?.label ?? e.path)}</a>: ${esc(e.message)}</li>`;
        })
        .join('')}</ul></div>`
    : '';
  const greeting = form.firstName ? `<p>Hello ${esc(form.firstName)},</p>` : '';
  const intro = form.intro ? `<p>${esc(form.intro)}</p>` : '';
  const body = `<h1>${esc(form.surveyName)}</h1>${summary}<div class="card">${greeting}${intro}
<form method="post">${questions.map((q) => question(q, values, byId.get(q.id))).join('\n')}
<button type="submit">Send my answers</button></form></div>`;
  return page(form.surveyName, body);
}
