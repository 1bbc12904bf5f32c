import { describe, expect, it } from 'vitest';
import { cleanText } from './clean.ts';

describe('cleanText on real-life customer messages', () => {
  it('keeps the complaint of a Gmail reply, without the quoted thread and the signature', () => {
    const email = [
      'Hi Tom,',
      '',
      'I am really disappointed. The replacement blender arrived broken again, the jar',
      'is cracked and the motor smells burnt. This is the second time!',
      '',
      'I want a full refund, not another replacement.',
      '',
      'Best regards,',
      'Anna Schmidt',
      'Head of Purchasing | Bäckerei Schmidt GmbH',
      '+49 30 1234567',
      'www.baeckerei-schmidt.de',
      '',
      'On Mon, 3 Jun 2024 at 10:02, Tom Baker <tom@blendco.example> wrote:',
      '> Dear Anna,',
      '>',
      '> We are sorry to hear that. A replacement is on its way.',
      '>',
      '> Kind regards,',
      '> Tom',
    ].join('\r\n');
    expect(cleanText(email)).toEqual({
      text: [
        'Hi Tom,',
        '',
        'I am really disappointed. The replacement blender arrived broken again, the jar',
        'is cracked and the motor smells burnt. This is the second time!',
        '',
        'I want a full refund, not another replacement.',
      ].join('\n'),
      removed: ['quote', 'signature'],
      truncated: false,
    });
  });

  it('cuts an Outlook reply at the German header block and keeps a thanks', () => {
    const email = [
      'Hallo Frau Weber,',
      '',
      'die Lieferung ist heute angekommen, alles vollständig. Super schnell!',
      '',
      'Vielen Dank,',
      'Jonas Krüger',
      '',
      '________________________________',
      'Von: Lisa Weber <lisa.weber@shop.example>',
      'Gesendet: Montag, 3. Juni 2024 10:02',
      'An: Jonas Krüger <jk@example.de>',
      'Betreff: AW: Bestellung 4711',
      '',
      'Hallo Herr Krüger,',
      'Ihre Bestellung wurde versandt.',
    ].join('\n');
    expect(cleanText(email)).toEqual({
      text: 'Hallo Frau Weber,\n\ndie Lieferung ist heute angekommen, alles vollständig. Super schnell!\n\nVielen Dank,',
      removed: ['quote', 'signature'],
      truncated: false,
    });
  });

  it('turns an HTML email into text without styles, quotes and markup', () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Re: Order</title>
<style>p { margin: 0 } .x > .y { color: red }</style></head>
<body><div dir="ltr">Hello,<div><br></div><div>your app deleted all my contacts &amp; notes &#8211; I&#39;m <b>furious</b>.</div>
<div>Things I need:</div><ul><li>my data back</li><li>an explanation&nbsp;&lt;today&gt;</li></ul>
<p>Thanks,<br>Marc</p>
<script>alert("x")</script>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, Jun 4, 2024 at 9:15 AM Support &lt;help@app.example&gt; wrote:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex">Dear customer, <blockquote>nested</blockquote> we care.</blockquote></div>
</div></body></html>`;
    expect(cleanText(html)).toEqual({
      text: [
        'Hello,',
        '',
        "your app deleted all my contacts & notes – I'm furious.",
        'Things I need:',
        '- my data back',
        '- an explanation <today>',
        'Thanks,',
      ].join('\n'),
      removed: ['html', 'quote', 'signature'],
      truncated: false,
    });
  });

  it('keeps only the note above a forwarded message', () => {
    const email = [
      'FYI, this is the third time they ignore us. Unacceptable.',
      '',
      '---------- Forwarded message ---------',
      'From: Carrier <noreply@carrier.example>',
      'Date: Tue, Jun 4, 2024 at 8:00 AM',
      'Subject: Delivery failed',
      'To: <ops@customer.example>',
      '',
      'We could not deliver your parcel. Have a great day!',
    ].join('\n');
    expect(cleanText(email)).toEqual({
      text: 'FYI, this is the third time they ignore us. Unacceptable.',
      removed: ['forward-header'],
      truncated: false,
    });
  });

  it('tells an Outlook forward (FW: subject) from a reply', () => {
    const email = 'Please look at this.\n\nFrom: A <a@b.c>\nSent: Monday\nTo: B\nSubject: FW: Invoice\n\nold';
    expect(cleanText(email).removed).toEqual(['forward-header']);
  });

  it('drops the legal disclaimer, the signature and the Outlook history of a B2B email', () => {
    const email = [
      'Dear Sir or Madam,',
      '',
      'we have been waiting for the corrected invoice No. 2024-117 for three weeks now. Our',
      'accounting cannot close the quarter without it. Please send it by Friday.',
      '',
      'Kind regards',
      '',
      'Dr. Ingrid Vogel',
      'Chief Financial Officer',
      'Nordwind Logistics AG',
      'Hafenstraße 12, 20457 Hamburg',
      'T +49 40 555 0100 | i.vogel@nordwind.example',
      '',
      'CONFIDENTIALITY NOTICE: This email and any attachments are confidential and intended',
      'solely for the addressee. If you received it in error, please delete it.',
      '',
      'Please consider the environment before printing this email.',
      '',
      '-----Original Message-----',
      'From: Billing <billing@vendor.example>',
      'Sent: Monday, May 13, 2024 9:00 AM',
      'To: Vogel, Ingrid',
      'Subject: Invoice 2024-117',
    ].join('\n');
    expect(cleanText(email)).toEqual({
      text: [
        'Dear Sir or Madam,',
        '',
        'we have been waiting for the corrected invoice No. 2024-117 for three weeks now. Our',
        'accounting cannot close the quarter without it. Please send it by Friday.',
      ].join('\n'),
      removed: ['quote', 'disclaimer', 'signature'],
      truncated: false,
    });
  });

  it('leaves a chat message with emoji alone, and drops "Sent from my iPhone"', () => {
    const chat = 'Love the new app 😍🔥 but the dark mode is broken :( pls fix!!';
    expect(cleanText(chat)).toEqual({ text: chat, removed: [], truncated: false });
    expect(cleanText('Where is my order??\n\nSent from my iPhone')).toEqual({
      text: 'Where is my order??',
      removed: ['signature'],
      truncated: false,
    });
    expect(cleanText('ok 👍\nGet Outlook for Android').text).toBe('ok 👍');
  });

  it('keeps the answers of an interleaved reply and drops what they answer', () => {
    const email = [
      'Anna Schmidt <anna@example.com> wrote:',
      '> Did the parcel arrive?',
      'No, it never did.',
      '> Was the box damaged?',
      'There was no box!',
    ].join('\n');
    expect(cleanText(email)).toEqual({
      text: 'No, it never did.\n\nThere was no box!',
      removed: ['quote'],
      truncated: false,
    });
  });

  it('recognises attributions wrapped over two lines, in French and German', () => {
    const wrapped =
      'Still broken.\n\nOn Mon, 3 Jun 2024 at 10:02, Tom Baker <\ntom@blendco.example> wrote:\n\nold text';
    expect(cleanText(wrapped).text).toBe('Still broken.');
    const french = 'Toujours rien reçu.\n\nLe lun. 3 juin 2024 à 10:02, Service <s@x.fr> a écrit :\nBonjour';
    expect(cleanText(french)).toMatchObject({ text: 'Toujours rien reçu.', removed: ['quote'] });
    const german = 'Immer noch kaputt.\nAm 03.06.2024 um 10:02 schrieb Service <s@x.de>:\nHallo';
    expect(cleanText(german).text).toBe('Immer noch kaputt.');
    const dashes = 'Still nothing.\n-- \nAnna\nACME Ltd';
    expect(cleanText(dashes)).toMatchObject({ text: 'Still nothing.', removed: ['signature'] });
  });

  it('keeps a body that only looks like a signature', () => {
    const text = 'Thanks for the quick reply.\nHowever the package never arrived.\nPlease check again';
    expect(cleanText(text).text).toBe(text);
    const ps = 'Great product.\n\nCheers,\nAnna\nP.S. the app crashes every time I open the settings page';
    expect(cleanText(ps).text).toBe(ps);
    const said = 'As I said before.\nOn Monday I wrote:\nplease refund me';
    expect(cleanText(said).text).toBe(said);
    const notDisclaimer = 'The information contained in this invoice is wrong, fix it now.\nThanks';
    expect(cleanText(notDisclaimer).text).toBe(notDisclaimer);
  });
});

describe('cleanText options and fast path', () => {
  it('returns a short plain text as it is', () => {
    const text = 'The delivery was late but the support was great!';
    const result = cleanText(text);
    expect(result).toEqual({ text, removed: [], truncated: false });
    expect(Object.is(result.text, text)).toBe(true);
    expect(cleanText('')).toEqual({ text: '', removed: [], truncated: false });
  });

  it('cleans 20,000 short texts in a fraction of a second', () => {
    const texts = Array.from({ length: 20_000 }, (_, i) => `Order ${i} arrived late, very annoying!`);
    const started = performance.now();
    let chars = 0;
    for (const text of texts) chars += cleanText(text).text.length;
    expect(chars).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(250); // ~5 ms when the machine is idle
  });

  it('normalises whitespace and keeps at most one blank line', () => {
    expect(cleanText('  too   many\t\tspaces \n\n\n\n here  ').text).toBe('too many spaces\n\nhere');
    expect(cleanText('a\u00a0b\u2003c\r\nd\re').text).toBe('a b c\nd\ne');
  });

  it('cuts at a sentence end, else at a space, before maxChars', () => {
    const text = 'The first sentence is fine. The second one is a lot longer than that';
    expect(cleanText(text, { maxChars: 40 })).toEqual({
      text: 'The first sentence is fine.',
      removed: [],
      truncated: true,
    });
    expect(cleanText('one two three four five six', { maxChars: 16 }).text).toBe('one two three');
    expect(cleanText('x'.repeat(50), { maxChars: 10 }).text).toBe('x'.repeat(10));
    expect(cleanText(`${'x'.repeat(9)}😀 end`, { maxChars: 10 }).text).toBe('x'.repeat(9));
    expect(cleanText('abc', { maxChars: 0 })).toEqual({ text: '', removed: [], truncated: true });
    expect(cleanText('short', { maxChars: Number.NaN }).text).toBe('short');
  });
});
