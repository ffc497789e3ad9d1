/**
 * Words no extracted trend topic starts, ends or contains: English function words, then the words
 * abstracts use to talk about themselves or to praise a method ("extensive experiments",
 * "outperforms existing baselines"), which recur across papers of every topic and would otherwise
 * be the commonest "phrases" of all. The first two groups follow the Related tab's list
 * (lib/text/tokenize.ts, not importable from here while lib/ is restructured); the third adds
 * verbs and adjectives that only ever modify a topic, never name one. All are lowercase words.
 */
const WORDS = `a about above across after again against all almost along already also although always am
  among an and another any are aren around as at be because been before being below between both but by
  can cannot could did do does doing don down during each either else especially etc even ever every
  few for from further had has have having he her here hers herself him himself his how however i if in
  into is isn it its itself just least less let like many may me might more moreover most much must my
  myself namely neither no nor not now of off often on once only onto or other others otherwise our ours
  ourselves out over own per rather same several she should since so some such than that the their
  theirs them themselves then there thereby therefore these they this those though through throughout
  thus to together too toward towards under until up upon us very via was we well were what whatever
  when where whereas whether which while who whom whose why will with within without would yet you your
  yours anti co multi non pre re semi un
  additionally address addresses addressing approach approaches available based better challenge
  challenges challenging compared demonstrate demonstrated demonstrates effective effectively
  effectiveness et experiment experimental experiments extensive extensively finally first furthermore
  github http https introduce introduced introduces introducing method methods novel outperform
  outperforming outperforms paper papers present presented presents propose proposed proposes proposing
  recent recently respectively result results show showed showing shown shows significant significantly
  specifically study studies using work works www
  ablation ablations achieve achieved achieves achieving allow allows art baseline baselines best
  code competitive component components comprehensive confirm confirms consistent consistently
  contribution contributions crucial detailed different diverse due enable enables enabling enhance
  enhanced enhances enhancing existing fail fails further gain gains help helps high highly improve
  improved improvement improvements improves improving including key lead leading leads leverage
  leverages leveraging limited main make makes making notably obtain obtains offer offers overall
  powerful promising provide provides publicly range real reduce reduced reduces reducing remain
  remains remarkable report reports require requires robust simple sota strong substantial
  substantially superior various versatile wide widely yield yields`;

/**
 * Words that end topic phrases ("diffusion models", "reward model") but name nothing alone or at
 * the start ("model performance").
 */
const HEAD_ONLY = `architecture architectures benchmark benchmarks data dataset datasets framework frameworks
  layer layers model models network networks performance system systems task tasks`;

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/));
export const HEAD_ONLY_WORDS: ReadonlySet<string> = new Set(HEAD_ONLY.split(/\s+/));
