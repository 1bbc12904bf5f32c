/** Word lists for the generated dataset: enough variety for realistic names, sorts and searches. */

export const FIRST_NAMES =
  `Ada Alan Alice Amélie Andrea Anna Anton Beatrice Ben Bernhard Camille Carla Carlos Chiara
Christian Claire Daniel David Dora Elena Elias Emil Emma Eva Fabian Felix Fiona Francesca Franz Gabriel Giulia Grace
Hannah Hans Helen Hugo Ida Ines Isaac Jakob Jan Jana Johanna Jonas Julia Julien Karin Katharina Klara Lara Laura Lea
Leon Linus Lisa Luca Lucie Ludwig Luis Maja Marco Margaret Maria Marie Mario Markus Martin Mia Michael Nadia Nina Noah
Nora Olga Oliver Oscar Paul Paula Peter Pia Rafael Rosa Ruth Samuel Sara Simon Sofia Stefan Tamara Theo Thomas Tim
Ursula Valentin Vera Victor Yara Yves Zoe`.split(/\s+/);

export const LAST_NAMES =
  `Ackermann Amsler Baumann Berger Bernasconi Blanc Bolliger Brunner Bucher Bühler Costa
Dubois Egger Favre Fischer Frei Fuchs Gerber Graf Gross Gut Hartmann Hofer Huber Hug Imhof Jäger Kaiser Keller Kern
Koch Kohler König Kunz Lang Lehmann Lopez Lüthi Maier Marti Martin Meier Meyer Moser Müller Muster Navarro Nussbaum
Ott Perret Pfister Rey Richter Rossi Roth Rüegg Schäfer Schmid Schneider Schwarz Sommer Stalder Steiner Studer Suter
Thomas Vogel Vogt Wagner Walser Weber Wenger Widmer Wolf Wyss Zaugg Zimmermann Zürcher Bianchi Romano Ricci Garcia
Martinez Dupont Lefebvre Moreau Girard Bonnet Smith Johnson Brown Taylor Wilson Evans Lovelace Turing Hopper Curie
Noether Lamarr Ride Franklin Goodall Meitner Agnesi Germain Kovalevskaya Somerville`.split(/\s+/);

export const DOMAINS =
  `example.com example.org example.net mail.test post.test inbox.test acme.test globex.test
initech.test umbrella.test hooli.test stark.test wayne.test tyrell.test cyberdyne.test`.split(/\s+/);

export const TITLES = `CEO CTO CFO Buyer Engineer Head-of-Operations Purchasing-Manager Maintenance-Lead
Quality-Manager Service-Technician Project-Manager Sales-Director Plant-Manager Office-Manager`
  .split(/\s+/)
  .map((t) => t.replaceAll('-', ' '));

/** Three disjoint pools, so a person's tags (one from each, at most) never repeat. */
export const TAG_POOLS = [
  ['newsletter', 'vip', 'webshop', 'trade-fair', 'key-account', 'reseller'],
  ['churn-risk', 'upsell', 'service-contract', 'warranty', 'spare-parts', 'training', 'beta', 'referral'],
  [
    'board',
    'press',
    'investor',
    'alumni',
    'speaker',
    'advisor',
    'partner-program',
    'event-2025',
    'event-2024',
    'legacy-crm',
  ],
];

export const COMPANY_WORDS =
  `Alpen Nord Süd Rhein Aare Jura Alpha Beta Delta Nova Prime Swiss Euro Global Techno
Precision Fluid Motion Steel Robotics Hydraulics Optics Energy Logistics Medical Bio Data Cloud Food Pack Print Tools
Machines Systems Solutions Works Partners Labs Components Instruments Controls`.split(/\s+/);

export const SUBJECTS =
  `Quote request|Follow-up on our call|Order confirmation|Service appointment|Invoice question
|Product demo|Spare parts availability|Training dates|Contract renewal|Complaint about delivery|Trade fair meeting
|Maintenance visit|New price list|Technical question|Thank you|Introduction|Project kick-off|Site visit|Warranty claim
|Newsletter feedback`
    .split('|')
    .map((s) => s.trim());

export const PHRASES =
  `Thanks for your time today.|As discussed, please find the details below.|We will get back
to you by the end of the week.|The spare parts are in stock and can ship tomorrow.|Could you confirm the delivery
address?|The technician will arrive between 8 and 10.|Please see the attached quote.|We appreciate your feedback
and will look into it.|Let us schedule a follow-up meeting next month.|The invoice has been corrected.|Our new
catalogue is available online.|The machine was serviced and runs within tolerance.`
    .split('|')
    .map((s) => s.replace(/\s+/g, ' ').trim());
