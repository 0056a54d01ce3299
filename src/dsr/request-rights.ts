/**
 * The seven rights of data subjects a municipality decides on (art. 15–22 AVG; BLNP Bijlage 5), each with
 * what a decision must contain, when the right applies, and on which grounds it may be refused. Labels are
 * Dutch: they end up in forms and decision letters.
 *
 * Every decision on such a request is a besluit (art. 34 UAVG), so the elements every decision carries
 * (objection clause, motivation) are listed once in `DECISION_ELEMENTS`.
 */

export const DATA_SUBJECT_RIGHTS = ['access', 'rectification', 'erasure', 'restriction', 'portability', 'objection', 'automated_decision'] as const;
export type DataSubjectRight = (typeof DATA_SUBJECT_RIGHTS)[number];

/** How a request can arrive (BLNP Bijlage 5: "per post of DigiD"; the counter and the case system in practice). */
export const REQUEST_CHANNELS = ['post', 'digid_eform', 'counter', 'zaaksysteem'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const CHANNEL_LABELS: Record<RequestChannel, string> = {
  post: 'Per post',
  digid_eform: 'E-formulier met DigiD',
  counter: 'Aan de balie',
  zaaksysteem: 'Via het zaaksysteem',
};

/** One rule as shown to staff and citizens, with the provision it comes from. */
export interface RuleItem {
  id: string;
  /** Dutch, for forms and letters. */
  label: string;
  source: string;
  /** For answer elements: only required in the situation described here (otherwise always). */
  onlyWhen?: string;
}

export interface RightRules {
  right: DataSubjectRight;
  article: string;
  /** Dutch name as in BLNP Bijlage 5. */
  name: string;
  /** The right exists only in one of these situations (empty: always). */
  appliesWhen: RuleItem[];
  /** What a decision granting the request (wholly or partly) must contain, besides `DECISION_ELEMENTS`. */
  answerMustContain: RuleItem[];
  /** Grounds to refuse specific to this right; `GENERAL_REFUSAL_GROUNDS` apply to every right. */
  refusalGrounds: RuleItem[];
  /** What the municipality must do after granting. */
  obligations: RuleItem[];
}

/** Every decision (besluit) on a request, whatever its outcome (BLNP model letter "Voorbeeld besluit"). */
export const DECISION_ELEMENTS: readonly RuleItem[] = [
  { id: 'request_received_on', label: 'Datum van ontvangst en het ingeroepen recht', source: 'BLNP Bijlage 5, model besluit "Aanvraag"' },
  { id: 'request_quoted', label: 'Het verzoek, bij voorkeur letterlijk geciteerd', source: 'BLNP Bijlage 5, model besluit' },
  { id: 'decision', label: 'Het besluit (inwilligen, deels weigeren, weigeren) en wat het concreet betekent', source: 'BLNP Bijlage 5, model besluit "Besluit"' },
  { id: 'motivation', label: 'Motivering van het besluit', source: 'art. 3:46 Awb; BLNP Bijlage 5, model besluit "Motivering besluit"' },
  { id: 'objection_clause', label: 'Bezwaarclausule: bezwaar bij het college binnen zes weken na de verzenddatum', source: 'art. 6:7 en 6:8 Awb; art. 34 UAVG; BLNP Bijlage 5' },
  { id: 'complaint_ap', label: 'Het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens', source: 'art. 12 lid 4 en art. 77 AVG; BLNP model besluit' },
  { id: 'signed_in_mandate', label: 'Ondertekening namens burgemeester en wethouders (mandaat)', source: 'BLNP Bijlage 5 "Besluit in mandaat ondertekenen en verzenden"' },
];

/** Grounds that can carry a (partial) refusal of any right. */
export const GENERAL_REFUSAL_GROUNDS: readonly RuleItem[] = [
  {
    id: 'manifestly_unfounded_or_excessive',
    label: 'Het verzoek is kennelijk ongegrond of buitensporig, met name door zijn repetitieve karakter (de gemeente bewijst dit)',
    source: 'art. 12 lid 5 AVG',
  },
  { id: 'art23_national_security', label: 'Nationale veiligheid, landsverdediging of openbare veiligheid', source: 'art. 23 lid 1 sub a–c AVG; art. 41 UAVG' },
  { id: 'art23_criminal_offences', label: 'Het voorkomen, onderzoeken, opsporen en vervolgen van strafbare feiten', source: 'art. 23 lid 1 sub d AVG; art. 41 UAVG' },
  {
    id: 'art23_economic_interests',
    label: 'Zwaarwegende economische of financiële belangen van de Unie, de staat of andere openbare lichamen',
    source: 'art. 23 lid 1 sub e AVG; art. 41 UAVG',
  },
  { id: 'art23_judicial_independence', label: 'De bescherming van de onafhankelijkheid van de rechter en van gerechtelijke procedures', source: 'art. 23 lid 1 sub f AVG; art. 41 UAVG' },
  {
    id: 'art23_professional_ethics',
    label: 'Het voorkomen, onderzoeken, opsporen en vervolgen van schendingen van de beroepscodes voor gereglementeerde beroepen',
    source: 'art. 23 lid 1 sub g AVG; art. 41 UAVG',
  },
  {
    id: 'art23_supervision_task',
    label: 'Een taak op het gebied van toezicht, inspectie of regelgeving die verband houdt met de uitoefening van openbaar gezag',
    source: 'art. 23 lid 1 sub h AVG; art. 41 UAVG',
  },
  {
    id: 'art23_rights_of_others',
    label: 'De bescherming van de betrokkene of van de rechten en vrijheden van anderen',
    source: 'art. 23 lid 1 sub i AVG; art. 41 UAVG',
  },
  { id: 'art23_civil_claims', label: 'De inning van civielrechtelijke vorderingen', source: 'art. 23 lid 1 sub j AVG; art. 41 UAVG' },
];

/** Grounds to leave a request unprocessed ("buiten behandeling stellen", itself a besluit). */
export const NOT_PROCESSED_GROUNDS: readonly RuleItem[] = [
  {
    id: 'identity_not_established',
    label: 'De identiteit van de verzoeker is na een verzoek om aanvullende gegevens niet vastgesteld',
    source: 'art. 12 lid 2 en 6 AVG; art. 4:5 Awb',
  },
  { id: 'request_incomplete', label: 'Het verzoek is niet binnen de hersteltermijn aangevuld', source: 'art. 4:5 Awb' },
  { id: 'representation_not_proven', label: 'De vertegenwoordiging of machtiging is niet aangetoond', source: 'art. 2:1 lid 2 Awb; art. 4:5 Awb' },
];

/** Requests that look like AVG requests but belong to another regime (dsr-law reference). */
export const OTHER_REGIMES: readonly RuleItem[] = [
  { id: 'brp', label: 'Inzage of correctie van gegevens in de Basisregistratie Personen: Wet BRP', source: 'Wet BRP (eigen regeling voor inzage en correctie); MijnOverheid' },
  { id: 'wpg', label: 'Gegevens van boa’s en handhaving: Wet politiegegevens', source: 'Wet politiegegevens' },
  { id: 'woo', label: 'Verzoek om openbaarmaking van documenten: Wet open overheid, geen AVG-verzoek', source: 'Woo' },
];

const ART19: RuleItem = {
  id: 'recipients_informed',
  label: 'Ontvangers aan wie de gegevens zijn verstrekt zijn op de hoogte gebracht, en op verzoek wie dat zijn',
  source: 'art. 19 AVG',
};

export const RIGHT_RULES: Readonly<Record<DataSubjectRight, RightRules>> = {
  access: {
    right: 'access',
    article: 'art. 15 AVG',
    name: 'Recht van inzage',
    appliesWhen: [],
    answerMustContain: [
      { id: 'personal_data', label: 'Overzicht (kopie) van de persoonsgegevens die worden verwerkt', source: 'art. 15 lid 1 en 3 AVG; BLNP model besluit "Overzicht"' },
      { id: 'purposes', label: 'Doeleinden van de verwerking', source: 'art. 15 lid 1 sub a AVG' },
      { id: 'categories', label: 'Betrokken categorieën van persoonsgegevens', source: 'art. 15 lid 1 sub b AVG' },
      { id: 'recipients', label: '(Categorieën van) ontvangers', source: 'art. 15 lid 1 sub c AVG' },
      { id: 'retention', label: 'Bewaartermijn of de criteria daarvoor', source: 'art. 15 lid 1 sub d AVG' },
      { id: 'other_rights', label: 'Het recht op rectificatie, wissing, beperking en bezwaar', source: 'art. 15 lid 1 sub e AVG' },
      { id: 'complaint_ap', label: 'Het recht een klacht in te dienen bij de Autoriteit Persoonsgegevens', source: 'art. 15 lid 1 sub f AVG' },
      { id: 'origin', label: 'Herkomst van de gegevens', source: 'art. 15 lid 1 sub g AVG', onlyWhen: 'de gegevens niet bij de betrokkene zelf zijn verzameld' },
      {
        id: 'automated_decisions',
        label: 'Geautomatiseerde besluitvorming, de onderliggende logica en de gevolgen',
        source: 'art. 15 lid 1 sub h AVG',
        onlyWhen: 'er geautomatiseerde besluitvorming of profilering plaatsvindt',
      },
      { id: 'transfer_safeguards', label: 'Waarborgen bij doorgifte naar een derde land', source: 'art. 15 lid 2 AVG', onlyWhen: 'gegevens naar een derde land of internationale organisatie gaan' },
    ],
    refusalGrounds: [
      { id: 'copy_harms_others', label: 'Het verstrekken van een kopie doet afbreuk aan de rechten en vrijheden van anderen', source: 'art. 15 lid 4 AVG' },
      {
        id: 'personal_work_notes',
        label: 'Persoonlijke werkaantekeningen vallen buiten het inzagerecht (niet als ze in het dossier zijn opgenomen)',
        source: 'BLNP Bijlage 5, model besluit "Motivering besluit"',
      },
    ],
    obligations: [],
  },
  rectification: {
    right: 'rectification',
    article: 'art. 16 AVG',
    name: 'Recht op rectificatie',
    appliesWhen: [{ id: 'inaccurate_or_incomplete', label: 'De gegevens zijn onjuist of onvolledig', source: 'art. 16 AVG' }],
    answerMustContain: [{ id: 'data_corrected', label: 'Welke gegevens zijn gecorrigeerd of aangevuld', source: 'art. 16 AVG; BLNP model besluit' }, ART19],
    refusalGrounds: [{ id: 'data_accurate', label: 'De gegevens zijn juist en volledig voor het doel van de verwerking', source: 'art. 16 AVG' }],
    obligations: [ART19],
  },
  erasure: {
    right: 'erasure',
    article: 'art. 17 AVG',
    name: 'Recht op vergetelheid (gegevenswissing)',
    appliesWhen: [
      { id: 'no_longer_necessary', label: 'De gegevens zijn niet langer nodig voor het doel', source: 'art. 17 lid 1 sub a AVG' },
      { id: 'consent_withdrawn', label: 'De toestemming is ingetrokken en er is geen andere grondslag', source: 'art. 17 lid 1 sub b AVG' },
      { id: 'objection_upheld', label: 'Er is met succes bezwaar gemaakt (art. 21)', source: 'art. 17 lid 1 sub c AVG' },
      { id: 'unlawful', label: 'De gegevens zijn onrechtmatig verwerkt', source: 'art. 17 lid 1 sub d AVG' },
      { id: 'legal_obligation_to_erase', label: 'Wissen is wettelijk verplicht', source: 'art. 17 lid 1 sub e AVG' },
      { id: 'child_information_society', label: 'Gegevens van een kind verzameld bij een dienst van de informatiemaatschappij', source: 'art. 17 lid 1 sub f AVG' },
    ],
    answerMustContain: [{ id: 'data_erased', label: 'Welke gegevens zijn gewist, en welke niet en waarom', source: 'art. 17 AVG' }, ART19],
    refusalGrounds: [
      { id: 'freedom_of_expression', label: 'Uitoefening van het recht op vrijheid van meningsuiting en informatie', source: 'art. 17 lid 3 sub a AVG' },
      {
        id: 'legal_obligation_or_public_task',
        label: 'Nakoming van een wettelijke verplichting of vervulling van een taak van algemeen belang of openbaar gezag',
        source: 'art. 17 lid 3 sub b AVG',
      },
      { id: 'public_health', label: 'Redenen van algemeen belang op het gebied van volksgezondheid', source: 'art. 17 lid 3 sub c AVG' },
      { id: 'archiving', label: 'Archivering in het algemeen belang (Archiefwet), wetenschappelijk of historisch onderzoek of statistiek', source: 'art. 17 lid 3 sub d AVG' },
      { id: 'legal_claims', label: 'Instelling, uitoefening of onderbouwing van een rechtsvordering', source: 'art. 17 lid 3 sub e AVG' },
    ],
    obligations: [
      ART19,
      { id: 'inform_other_controllers', label: 'Andere verwerkingsverantwoordelijken informeren als de gegevens openbaar zijn gemaakt', source: 'art. 17 lid 2 AVG' },
    ],
  },
  restriction: {
    right: 'restriction',
    article: 'art. 18 AVG',
    name: 'Recht op beperking van de verwerking',
    appliesWhen: [
      { id: 'accuracy_contested', label: 'De juistheid wordt betwist, voor de duur van de controle', source: 'art. 18 lid 1 sub a AVG' },
      { id: 'unlawful_no_erasure', label: 'De verwerking is onrechtmatig en de betrokkene wil geen wissing', source: 'art. 18 lid 1 sub b AVG' },
      { id: 'needed_for_claims', label: 'De gemeente heeft de gegevens niet meer nodig, de betrokkene wel voor een rechtsvordering', source: 'art. 18 lid 1 sub c AVG' },
      { id: 'objection_pending', label: 'Bezwaar (art. 21) is gemaakt, in afwachting van de afweging', source: 'art. 18 lid 1 sub d AVG' },
    ],
    answerMustContain: [
      { id: 'restriction_applied', label: 'Welke verwerking is beperkt en op welke wijze', source: 'art. 18 lid 1 AVG' },
      { id: 'notice_before_lifting', label: 'Dat de betrokkene wordt ingelicht voordat de beperking wordt opgeheven', source: 'art. 18 lid 3 AVG' },
      ART19,
    ],
    refusalGrounds: [],
    obligations: [
      ART19,
      {
        id: 'processing_only_with_consent',
        label: 'Tijdens de beperking alleen opslaan, of verwerken met toestemming, voor rechtsvorderingen, ter bescherming van anderen of om gewichtige redenen van algemeen belang',
        source: 'art. 18 lid 2 AVG',
      },
      { id: 'inform_before_lifting', label: 'De betrokkene inlichten voordat de beperking wordt opgeheven', source: 'art. 18 lid 3 AVG' },
    ],
  },
  portability: {
    right: 'portability',
    article: 'art. 20 AVG',
    name: 'Recht op dataportabiliteit (overdraagbaarheid gegevens)',
    appliesWhen: [
      { id: 'consent_or_contract', label: 'De verwerking berust op toestemming of een overeenkomst', source: 'art. 20 lid 1 sub a AVG' },
      { id: 'automated_processing', label: 'De verwerking gebeurt via geautomatiseerde procedés', source: 'art. 20 lid 1 sub b AVG' },
      { id: 'provided_by_data_subject', label: 'Het gaat om gegevens die de betrokkene zelf heeft verstrekt', source: 'art. 20 lid 1 AVG; BLNP Bijlage 5 "Recht op dataportabiliteit"' },
    ],
    answerMustContain: [
      { id: 'machine_readable_data', label: 'De gegevens in een gestructureerde, gangbare en machineleesbare vorm', source: 'art. 20 lid 1 AVG' },
      {
        id: 'direct_transmission',
        label: 'Rechtstreekse doorzending aan de andere verwerkingsverantwoordelijke',
        source: 'art. 20 lid 2 AVG',
        onlyWhen: 'de betrokkene daarom vraagt en dat technisch mogelijk is',
      },
    ],
    refusalGrounds: [
      {
        id: 'public_task',
        label: 'De verwerking is nodig voor een wettelijke taak van algemeen belang of openbaar gezag',
        source: 'art. 20 lid 3 AVG; BLNP Bijlage 5 ("alleen voor niet-wettelijke taken")',
      },
      { id: 'basis_not_consent_or_contract', label: 'De verwerking berust niet op toestemming of een overeenkomst', source: 'art. 20 lid 1 sub a AVG' },
      { id: 'not_automated', label: 'De verwerking gebeurt niet geautomatiseerd', source: 'art. 20 lid 1 sub b AVG' },
      { id: 'not_provided_by_data_subject', label: 'De gegevens zijn niet door de betrokkene zelf verstrekt', source: 'art. 20 lid 1 AVG' },
      { id: 'harms_others', label: 'Overdracht doet afbreuk aan de rechten en vrijheden van anderen', source: 'art. 20 lid 4 AVG' },
    ],
    obligations: [
      { id: 'check_consent', label: 'Vóór verzending nagaan of en waarvoor de betrokkene toestemming heeft gegeven', source: 'BLNP Bijlage 5 "Recht op dataportabiliteit"' },
    ],
  },
  objection: {
    right: 'objection',
    article: 'art. 21 AVG',
    name: 'Recht van bezwaar tegen verwerking',
    appliesWhen: [
      {
        id: 'public_task_or_legitimate_interest',
        label: 'De verwerking berust op een taak van algemeen belang of openbaar gezag, of op een gerechtvaardigd belang (art. 6 lid 1 sub e of f)',
        source: 'art. 21 lid 1 AVG',
      },
      { id: 'direct_marketing', label: 'De verwerking is voor direct marketing (bezwaar is dan altijd toe te wijzen)', source: 'art. 21 lid 2 en 3 AVG' },
      { id: 'research_statistics', label: 'De verwerking is voor wetenschappelijk of historisch onderzoek of statistiek', source: 'art. 21 lid 6 AVG' },
    ],
    answerMustContain: [{ id: 'processing_stopped', label: 'Dat en welke verwerking is gestaakt', source: 'art. 21 lid 1 en 3 AVG' }],
    refusalGrounds: [
      {
        id: 'compelling_legitimate_grounds',
        label: 'Dwingende gerechtvaardigde gronden die zwaarder wegen dan de belangen van de betrokkene (met de afweging in de motivering)',
        source: 'art. 21 lid 1 AVG',
      },
      { id: 'legal_claims', label: 'De verwerking is nodig voor een rechtsvordering', source: 'art. 21 lid 1 AVG' },
      { id: 'basis_not_e_or_f', label: 'De verwerking berust niet op art. 6 lid 1 sub e of f AVG (bijvoorbeeld een wettelijke verplichting)', source: 'art. 21 lid 1 AVG' },
      {
        id: 'research_in_public_interest',
        label: 'Onderzoek of statistiek dat nodig is voor een taak van algemeen belang',
        source: 'art. 21 lid 6 AVG',
      },
    ],
    obligations: [],
  },
  automated_decision: {
    right: 'automated_decision',
    article: 'art. 22 AVG',
    name: 'Recht niet te worden onderworpen aan geautomatiseerde individuele besluitvorming/profilering',
    appliesWhen: [
      {
        id: 'solely_automated_with_effect',
        label: 'Een besluit uitsluitend op basis van geautomatiseerde verwerking, met rechtsgevolgen of een vergelijkbaar aanmerkelijk effect',
        source: 'art. 22 lid 1 AVG',
      },
    ],
    answerMustContain: [
      { id: 'human_review', label: 'Menselijke tussenkomst: het besluit is door een medewerker opnieuw beoordeeld', source: 'art. 22 lid 3 AVG' },
      { id: 'view_considered', label: 'Hoe het standpunt van de betrokkene is meegewogen', source: 'art. 22 lid 3 AVG' },
    ],
    refusalGrounds: [
      { id: 'necessary_for_contract', label: 'Het besluit is noodzakelijk voor een overeenkomst met de betrokkene', source: 'art. 22 lid 2 sub a AVG' },
      { id: 'authorised_by_law', label: 'Het besluit is toegestaan bij wet met passende waarborgen (art. 40 UAVG)', source: 'art. 22 lid 2 sub b AVG; art. 40 UAVG' },
      { id: 'explicit_consent', label: 'De betrokkene heeft uitdrukkelijk toestemming gegeven', source: 'art. 22 lid 2 sub c AVG' },
      {
        id: 'not_solely_automated',
        label: 'Het besluit is niet uitsluitend geautomatiseerd genomen of heeft geen rechtsgevolgen of aanmerkelijk effect',
        source: 'art. 22 lid 1 AVG',
      },
    ],
    obligations: [
      {
        id: 'safeguards',
        label: 'Ook bij een uitzondering: recht op menselijke tussenkomst, op het geven van een standpunt en op aanvechting',
        source: 'art. 22 lid 3 AVG',
      },
    ],
  },
};

export function isDataSubjectRight(value: unknown): value is DataSubjectRight {
  return typeof value === 'string' && (DATA_SUBJECT_RIGHTS as readonly string[]).includes(value);
}

export function isRequestChannel(value: unknown): value is RequestChannel {
  return typeof value === 'string' && (REQUEST_CHANNELS as readonly string[]).includes(value);
}

/** The grounds that can refuse this right: its own first, then the general ones. */
export function refusalGroundsFor(right: DataSubjectRight): RuleItem[] {
  return [...RIGHT_RULES[right].refusalGrounds, ...GENERAL_REFUSAL_GROUNDS];
}
