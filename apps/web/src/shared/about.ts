/** What a timeline, a note, a task or an interaction is about: a person or a company. */
export type About = { personId: string; companyId?: undefined } | { companyId: string; personId?: undefined };

export const aboutId = (about: About) => about.personId ?? about.companyId;
