/**
 * When a DPIA is needed (art. 35 AVG): the nine criteria of the EDPB and the Dutch supervisor's list of
 * processing types for which a DPIA is always mandatory (art. 35 lid 4 AVG), plus the three cases of
 * art. 35 lid 3 AVG itself. Descriptions are short paraphrases for the quickscan form, not the official text.
 */

export interface DpiaTrigger {
  id: string;
  /** Dutch label for the quickscan form and the reasoning. */
  label: string;
  /** Dutch paraphrase that helps the PB answer the question. */
  question: string;
}

/** Guidelines on DPIA (WP248 rev.01, Article 29 Working Party, endorsed by the EDPB on 25 May 2018), section III.B.a. */
export const EDPB_CRITERIA_SOURCE = 'EDPB/WP29, Richtsnoeren gegevensbeschermingseffectbeoordeling (WP248 rev.01), III.B.a';

/** Two or more criteria: in most cases a DPIA is needed (WP248 rev.01). */
export const EDPB_CRITERIA_THRESHOLD = 2;

export const EDPB_CRITERIA = [
  { id: 'evaluation_or_scoring', label: 'Evaluatie of scoretoekenning', question: 'Worden personen beoordeeld, geprofileerd of voorspeld (bijvoorbeeld gedrag, gezondheid, financiële situatie)?' },
  {
    id: 'automated_decision_with_effect',
    label: 'Geautomatiseerde besluitvorming met rechtsgevolg of vergelijkbaar wezenlijk gevolg',
    question: 'Neemt een systeem besluiten over personen die hen in rechte of anderszins aanmerkelijk raken?',
  },
  { id: 'systematic_monitoring', label: 'Stelselmatige monitoring', question: 'Worden personen stelselmatig gevolgd of geobserveerd, ook in openbaar toegankelijke ruimte?' },
  {
    id: 'sensitive_data',
    label: 'Gevoelige gegevens of gegevens van zeer persoonlijke aard',
    question: 'Gaat het om bijzondere of strafrechtelijke persoonsgegevens, of anderszins zeer persoonlijke gegevens (zoals financiële of communicatiegegevens)?',
  },
  { id: 'large_scale', label: 'Grootschalige verwerking', question: 'Gaat het om veel betrokkenen, veel gegevens, een lange duur of een groot geografisch bereik?' },
  { id: 'matching_datasets', label: 'Matching of samenvoeging van datasets', question: 'Worden gegevensbestanden uit verschillende bronnen of voor verschillende doelen gekoppeld of gecombineerd?' },
  {
    id: 'vulnerable_data_subjects',
    label: 'Gegevens over kwetsbare betrokkenen',
    question: 'Gaat het om kinderen, werknemers, cliënten van het sociaal domein of anderen die afhankelijk zijn van de gemeente?',
  },
  { id: 'innovative_technology', label: 'Innovatief gebruik of toepassing van nieuwe technologische of organisatorische oplossingen', question: 'Wordt nieuwe technologie ingezet, zoals biometrie, AI of internet of things?' },
  {
    id: 'prevents_exercise_of_rights',
    label: 'Verwerking die betrokkenen belet een recht uit te oefenen of een dienst of overeenkomst te gebruiken',
    question: 'Kan de verwerking ertoe leiden dat iemand een voorziening, dienst of overeenkomst wordt geweigerd?',
  },
] as const satisfies readonly DpiaTrigger[];
export type EdpbCriterionId = (typeof EDPB_CRITERIA)[number]['id'];

/**
 * The list of the Autoriteit Persoonsgegevens: "Besluit inzake lijst van verwerkingen van persoonsgegevens
 * waarvoor een gegevensbeschermingseffectbeoordeling (DPIA) verplicht is", Staatscourant 2019, 64418
 * (published 27 November 2019). Seventeen types, numbered as in the decree.
 */
export const AP_LIST_SOURCE =
  'Autoriteit Persoonsgegevens, Besluit inzake lijst van verwerkingen van persoonsgegevens waarvoor een DPIA verplicht is (Stcrt. 2019, 64418)';

export const AP_MANDATORY_TYPES = [
  { id: 'covert_investigation', number: 1, label: 'Heimelijk onderzoek', question: 'Grootschalig of stelselmatig onderzoek zonder dat betrokkenen dat vooraf weten (bijvoorbeeld fraudeonderzoek)?' },
  { id: 'blacklists', number: 2, label: 'Zwarte lijsten', question: 'Registraties van strafrechtelijke gegevens, onrechtmatig of hinderlijk gedrag of slecht betalingsgedrag die met derden worden gedeeld?' },
  { id: 'fraud_prevention', number: 3, label: 'Fraudebestrijding', question: 'Grootschalige of stelselmatige verwerking van (bijzondere) persoonsgegevens om fraude te bestrijden?' },
  { id: 'credit_scores', number: 4, label: 'Creditscores', question: 'Grootschalige of stelselmatige beoordeling van kredietwaardigheid, bijvoorbeeld door profilering?' },
  { id: 'financial_situation', number: 5, label: 'Financiële situatie', question: 'Grootschalige of stelselmatige verwerking van gegevens over iemands financiële situatie (bijvoorbeeld schuldhulpverlening)?' },
  { id: 'genetic_data', number: 6, label: 'Genetische persoonsgegevens', question: 'Grootschalige of stelselmatige verwerking van genetische gegevens?' },
  { id: 'health_data', number: 7, label: 'Gezondheidsgegevens', question: 'Grootschalige verwerking van gezondheidsgegevens (bijvoorbeeld in het sociaal domein of de jeugdzorg)?' },
  { id: 'partnerships', number: 8, label: 'Samenwerkingsverbanden', question: 'Delen gemeenten, overheden of andere partijen in een samenwerkingsverband bijzondere of gevoelige persoonsgegevens (bijvoorbeeld een Zorg- en Veiligheidshuis)?' },
  { id: 'camera_surveillance', number: 9, label: 'Cameratoezicht', question: 'Grootschalige of stelselmatige monitoring van openbaar toegankelijke ruimte met camera’s, of van werknemers?' },
  { id: 'flexible_camera_surveillance', number: 10, label: 'Flexibel cameratoezicht', question: 'Mobiele camera’s, bodycams of drones waarmee stelselmatig personen worden vastgelegd?' },
  { id: 'employee_monitoring', number: 11, label: 'Controle werknemers', question: 'Grootschalige of stelselmatige controle van activiteiten van werknemers (e-mail, internet, locatie)?' },
  { id: 'location_data', number: 12, label: 'Locatiegegevens', question: 'Grootschalige of stelselmatige verwerking van locatiegegevens van of herleidbaar tot personen?' },
  { id: 'communication_data', number: 13, label: 'Communicatiegegevens', question: 'Grootschalige of stelselmatige verwerking van communicatiegegevens, inclusief metadata?' },
  { id: 'internet_of_things', number: 14, label: 'Internet of things', question: 'Grootschalige of stelselmatige verwerking van gegevens uit apparaten die met internet verbonden zijn (bijvoorbeeld slimme meters)?' },
  { id: 'profiling', number: 15, label: 'Profilering', question: 'Grootschalige of stelselmatige profilering van personen, bijvoorbeeld risicoprofielen?' },
  { id: 'behaviour_observation', number: 16, label: 'Observatie en beïnvloeding van gedrag', question: 'Grootschalige of stelselmatige observatie of beïnvloeding van gedrag, bijvoorbeeld met wifi-tracking of nudging?' },
  { id: 'biometric_data', number: 17, label: 'Biometrische gegevens', question: 'Grootschalige of stelselmatige verwerking van biometrische gegevens om personen te identificeren?' },
] as const satisfies ReadonlyArray<DpiaTrigger & { number: number }>;
export type ApProcessingTypeId = (typeof AP_MANDATORY_TYPES)[number]['id'];

/** Art. 35 lid 3 AVG: always a DPIA (BLNP Bijlage 4 names case b). */
export const ART35_3_CASES = [
  {
    id: 'systematic_extensive_evaluation',
    label: 'Stelselmatige en uitgebreide beoordeling van persoonlijke aspecten met besluiten die rechtsgevolgen hebben (art. 35 lid 3 sub a AVG)',
    question: 'Worden personen op basis van geautomatiseerde verwerking, waaronder profilering, stelselmatig en uitgebreid beoordeeld met besluiten die hen in rechte raken?',
  },
  {
    id: 'large_scale_special_categories',
    label: 'Grootschalige verwerking van bijzondere of strafrechtelijke persoonsgegevens (art. 35 lid 3 sub b AVG)',
    question: 'Worden op grote schaal bijzondere persoonsgegevens (art. 9) of strafrechtelijke gegevens (art. 10) verwerkt?',
  },
  {
    id: 'large_scale_public_monitoring',
    label: 'Stelselmatige en grootschalige monitoring van openbaar toegankelijke ruimte (art. 35 lid 3 sub c AVG)',
    question: 'Wordt openbaar toegankelijke ruimte stelselmatig en op grote schaal gemonitord?',
  },
] as const satisfies readonly DpiaTrigger[];
export type Art35CaseId = (typeof ART35_3_CASES)[number]['id'];
