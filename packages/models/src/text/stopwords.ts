/**
 * Words that are never a theme on their own: English function words, the verbs and fillers every
 * message has, greetings and sign-offs, and time words ("waiting three weeks" is about waiting).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all almost also although always am among an and another any anybody anyone
  anything anyway anywhere are aren't around as at away back be became because become been before being below
  between both but by can cannot can't could couldn't did didn't do does doesn't doing done don't down during each
  either else enough etc even ever every everybody everyone everything everywhere few for from further get gets
  getting got gotten had hadn't has hasn't have haven't having he her here hers herself him himself his how however
  i if in into is isn't it its itself just least less let like likely made make makes making many may maybe me
  might mine more most much must my myself near need needed needs neither never next no nobody none nor not nothing
  now of off often on once one ones only onto or other others otherwise our ours ourselves out over own per perhaps
  please put quite rather really said same say says see seem seemed seems seen several shall she should shouldn't
  since so some somebody someone something sometimes somewhere still such than that the their theirs them themselves
  then there therefore these they thing things this those though through thus till to too took toward towards
  under until up upon us use used using very via was wasn't way ways we well went were weren't what whatever when
  whenever where whether which while who whoever whole whom whose why will with within without won't would wouldn't
  yes yet you your yours yourself yourselves
  also ask asked asking came come comes coming tell told telling call called know knew known think thought want
  wanted wants went go goes going gone give gave given take taking keep kept let's lot lots bit little able sure
  hi hello hey dear thanks thank cheers regards best kind kindly sincerely team sir madam mr mrs ms dr
  today yesterday tomorrow tonight day days week weeks month months year years time times hour hours minute minutes
  morning afternoon evening night ago last first second third monday tuesday wednesday thursday friday saturday sunday
  two three four five six seven eight nine ten twenty hundred thousand new old actually already again ago almost
  arrived received send sent sending attached attach find found look looked looking see saw help helped hope hoped
  right okay ok put try tried trying wait waiting waited back able unable must instead regarding following follow
  attention note noted please via per inform informed advise advised confirm confirmed let's got getting receive
  wrote write writing writes reply replied replies mail email emails message messages contact contacted`
    .split(/\s+/)
    .filter(Boolean),
);
