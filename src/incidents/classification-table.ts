import type { ImpactLevel } from '../persistence/entities/incident.entity';

/**
 * "Bijlage incidentmeldingsniveau" of the BLNP policy (Bijlage 3), after the IBD's example:
 * per table, incident category and possible incident, the impact levels at which it may have
 * to be escalated. `(X)` in the seed (an exceptional level) is kept apart: it is never proposed,
 * only chosen by the CISO. Where the seed's columns are ambiguous (one or two X's), the marks
 * are read from Laag upward, which is how the IBD example fills them.
 */
export type ClassificationTableName = 'gebruikers' | 'beheer';

export interface ClassificationEntry {
  code: string;
  table: ClassificationTableName;
  category: string;
  incident: string;
  /** Levels marked X, lowest first. */
  levels: ImpactLevel[];
  /** The level marked (X), if any. */
  exceptionalLevel: ImpactLevel | null;
}

/** What the seed says each level means for the route (footnote of the table). */
export const ROUTE_BY_IMPACT: Record<ImpactLevel, string> = {
  laag: 'Het incident wordt opgelost door ICT; er wordt een melding gedaan bij de CISO.',
  midden: 'Het incident wordt in beginsel opgelost door ICT; de CISO neemt de coördinatie van de afhandeling op zich.',
  hoog: 'Het incident wordt door het IRT afgehandeld; verder opschalen blijft mogelijk.',
};

const LEVELS: ImpactLevel[] = ['laag', 'midden', 'hoog'];

// [category, incident, marks]: marks "LMH", "LM(H)", "L(M)", "L", "LM".
const GEBRUIKERS: [string, string, string][] = [
  ['Onopzettelijk foutief handelen', 'Als gevolg van foutieve procedures', 'L'],
  ['Onopzettelijk foutief handelen', 'Als gevolg van foutgevoelige bediening', 'L'],
  ['Onopzettelijk foutief handelen', 'Onzorgvuldige omgang met password', 'L'],
  ['Opzettelijk foutief handelen', 'Niet volgen van voorschriften', 'LM(H)'],
  ['Opzettelijk foutief handelen', 'Fraude of diefstal', 'LMH'],
  ['Opzettelijk foutief handelen', 'Ongeautoriseerde toegang door medewerker', 'LMH'],
  ['Technisch falen van apparatuur', 'Storing in pc of randapparatuur', 'L'],
  ['Technisch falen van apparatuur door externe invloeden', 'Wegvallen elektrische spanning', 'LM'],
  ['Menselijke omgang met apparatuur', 'Bedieningsfouten', 'L'],
  ['Menselijke omgang met apparatuur', 'Opzettelijke wijzigingen', 'LM(H)'],
  ['Menselijke omgang met apparatuur', 'Beschadiging of vernieling', 'LMH'],
  ['Problemen met programmatuur', 'Fouten in programmatuur', 'L'],
  ['Problemen met programmatuur', 'Ongeautoriseerd gebruik', 'LM'],
  ['Problemen met programmatuur', 'Wijziging door medewerker', 'LMH'],
  ['Problemen met programmatuur', 'Opzettelijk introduceren van een virus door medewerker', 'LMH'],
  ['Problemen met programmatuur', 'Inbrengen van virus door middel van niet gescreende programmatuur', 'LMH'],
  ['Problemen met programmatuur', 'Illegaal kopiëren', 'LMH'],
  ['Problemen met programmatuur', 'Diefstal van programmatuur', 'LMH'],
  ['Gegevens en gegevensdragers', 'Zoekraken gegevensdragers', 'LMH'],
  ['Gegevens en gegevensdragers', 'Diefstal van gegevensdragers', 'LMH'],
  ['Gegevens en gegevensdragers', 'Beschadiging gegevensdragers', 'L'],
  ['Gegevens en gegevensdragers', 'Onleesbaarheid van gegevensdragers', 'L'],
  ['Gegevens en gegevensdragers', 'Fouten in gegevens door apparatuur', 'L'],
  ['Gegevens en gegevensdragers', 'Fouten in gegevens door programmatuur', 'L'],
  ['Gegevens en gegevensdragers', 'Opzettelijke invoer van foutieve gegevens', 'LMH'],
  ['Gegevens en gegevensdragers', 'Onopzettelijke invoer van foutieve gegevens', 'L'],
  ['Gegevens en gegevensdragers', 'Illegaal kopiëren van gegevens', 'LMH'],
  ['Gegevens en gegevensdragers', 'Ongeoorloofd inzien van gegevens bijvoorbeeld bij invoer of printen', 'LMH'],
  ['Gegevens en gegevensdragers', 'Onzorgvuldige vernietiging van gegevens', 'LMH'],
  ['Omstandigheden op de werkplek (faciliteiten)', 'Uitval van elektriciteit', 'L'],
  ['Omstandigheden op de werkplek (faciliteiten)', 'Wateroverlast door lekkage', 'L'],
  ['Omstandigheden op de werkplek (faciliteiten)', 'Ongewenste trillingen', 'L'],
];

const BEHEER: [string, string, string][] = [
  ['Identificatie en bevoegdheden van gebruikers', 'Geen eenduidige gebruiker bij een user-ID geconstateerd', 'LM'],
  ['Identificatie en bevoegdheden van gebruikers', 'Ongeautoriseerde toegang door medewerker', 'LMH'],
  ['Identificatie en bevoegdheden van gebruikers', 'Er komen gebruikers voor die niet meer bevoegd zijn (ex-medewerkers)', 'LM'],
  ['Identificatie en bevoegdheden van gebruikers', 'Vraagtekens bij bevoegdheden van bepaalde gebruikers of beheerders', 'LM'],
  ['Onopzettelijk foutief handelen van gebruikers', 'Onzorgvuldige omgang met wachtwoorden door gebruikers', 'LM'],
  ['Opzettelijk foutief handelen van gebruikers', 'Kraken of omzeilen toegang door medewerkers of een buitenstaander', 'LMH'],
  ['Opzettelijk foutief handelen van gebruikers', 'Fraude of diefstal', 'LMH'],
  ['Technisch falen van apparatuur', 'Storing in apparatuur', 'L(M)'],
  ['Technisch falen van apparatuur door externe invloeden', 'Wegvallen elektrische spanning of spanningsschommelingen', 'LMH'],
  ['Technisch falen van apparatuur door externe invloeden', 'Wateroverlast', 'LMH'],
  ['Technisch falen van apparatuur door externe invloeden', 'Uitval netwerkverbinding door aanval met grote hoeveelheden data', 'LMH'],
  ['Omgang met apparatuur door gebruikers of derden', 'Beschadiging apparatuur', 'LMH'],
  ['Omgang met apparatuur door gebruikers of derden', 'Diefstal van apparatuur', 'LMH'],
  ['Omgang met apparatuur door gebruikers of derden', 'Apparatuur blijkt niet geregistreerd', 'L'],
  ['Omgang met apparatuur door gebruikers of derden', 'Geregistreerde apparatuur blijkt niet aanwezig', 'LM'],
  ['Onopzettelijk foutief handelen', 'Fouten in handleiding', 'L'],
  ['Problemen met programmatuur', 'Fouten in programmatuur', 'L(M)'],
  ['Problemen met programmatuur', 'Ongeautoriseerde wijzigingen in programmatuur', 'LM'],
  ['Problemen met programmatuur', 'Introductie van virussen via programmatuur', 'LMH'],
  ['Problemen met programmatuur', '(On)opzettelijk ongeautoriseerd gebruik', 'LM'],
  ['Problemen met programmatuur', 'Gebruik van ongeautoriseerde programmatuur', 'LM'],
  ['Gegevens en gegevensdragers', 'Ongeautoriseerde toegang tot gegevens', 'LMH'],
  ['Gegevens en gegevensdragers', 'Zoekraken gegevensdragers', 'LMH'],
  ['Gegevens en gegevensdragers', 'Diefstal van gegevensdragers', 'LMH'],
  ['Gegevens en gegevensdragers', 'Beschadiging gegevensdragers', 'L'],
  ['Gegevens en gegevensdragers', 'Onleesbaarheid van gegevensdragers', 'L'],
  ['Gegevens en gegevensdragers', 'Fouten in gegevens door apparatuur', 'L'],
  ['Gegevens en gegevensdragers', 'Fouten in gegevens door programmatuur', 'L'],
  ['Gegevens en gegevensdragers', 'Opzettelijke invoer van foutieve gegevens', 'LMH'],
  ['Gegevens en gegevensdragers', 'Onopzettelijke invoer van foutieve gegevens', 'L'],
  ['Gegevens en gegevensdragers', 'Illegaal kopiëren van gegevens', 'LMH'],
  ['Gegevens en gegevensdragers', 'Ongeoorloofd inzien van gegevens bijvoorbeeld bij invoer of printen', 'LMH'],
  ['Gegevens en gegevensdragers', 'Onzorgvuldige vernietiging van gegevens', 'LMH'],
  ['Facilitaire structuren en omgeving', 'Kortsluiting of stroomuitval', 'LMH'],
  ['Facilitaire structuren en omgeving', 'Wateroverlast door lekkage', 'LMH'],
  ['Facilitaire structuren en omgeving', 'Ongeoorloofde toegang tot computerruimte', 'LMH'],
  ['Facilitaire structuren en omgeving', 'Uitgifte sleutels aan ongeautoriseerde', 'LMH'],
  ['Diensten van derden', 'Cruciale diensten worden (tijdelijk) niet of onvoldoende geleverd', 'LM'],
  ['Diensten van derden', 'Niet gescreend personeel', 'LM'],
  ['Diensten van derden', 'Schending vertrouwelijkheid', 'LMH'],
  ['Diensten van derden', 'Misbruik van toevertrouwde middelen (gegevens, documentatie, en dergelijke)', 'LMH'],
];

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function parseMarks(marks: string): { levels: ImpactLevel[]; exceptionalLevel: ImpactLevel | null } {
  const regular = marks.replace(/\(.\)/, '');
  const exceptional = /\((.)\)/.exec(marks)?.[1];
  const pick = (letter: string) => LEVELS[['L', 'M', 'H'].indexOf(letter)];
  return { levels: [...regular].map(pick), exceptionalLevel: exceptional ? pick(exceptional) : null };
}

function entries(table: ClassificationTableName, rows: [string, string, string][]): ClassificationEntry[] {
  return rows.map(([category, incident, marks]) => ({ code: `${table}.${slug(incident)}`, table, category, incident, ...parseMarks(marks) }));
}

export const CLASSIFICATION_TABLE: readonly ClassificationEntry[] = [...entries('gebruikers', GEBRUIKERS), ...entries('beheer', BEHEER)];

const BY_CODE = new Map(CLASSIFICATION_TABLE.map((e) => [e.code, e]));

export function findClassification(code: string): ClassificationEntry | undefined {
  return BY_CODE.get(code);
}

export interface ImpactProposal {
  entry: ClassificationEntry;
  proposedImpact: ImpactLevel;
  route: string;
  reason: string;
}

/**
 * The proposed impact: the lowest regular level of the entry; one level higher (still within
 * the regular levels) when the reporter suspects personal data are involved, because the CISO
 * then has to coordinate the breach procedure. The CISO confirms or corrects it with a reason.
 */
export function proposeImpact(entry: ClassificationEntry, personalDataSuspected: boolean | null): ImpactProposal {
  const lowest = entry.levels[0];
  const raised = personalDataSuspected && entry.levels.length > 1 ? entry.levels[1] : lowest;
  const reason =
    raised === lowest
      ? `Laagste niveau voor "${entry.incident}" (${entry.levels.join(', ')}) volgens de tabel incidentmeldingsniveau.`
      : `Eén niveau boven het laagste (${entry.levels.join(', ')}) omdat persoonsgegevens mogelijk betrokken zijn.`;
  return { entry, proposedImpact: raised, route: ROUTE_BY_IMPACT[raised], reason };
}
