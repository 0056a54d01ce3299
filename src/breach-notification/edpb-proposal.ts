/**
 * The platform's proposal to the FG, after the EDPB Guidelines 9/2022 on personal data breach
 * notification (and its flowchart): notify the supervisory authority unless the breach is
 * unlikely to result in a risk; inform data subjects when it is likely to result in a high
 * risk, unless an art. 34(3) ground applies. It is a proposal: the FG advises, the GS decides.
 */
export interface BreachAssessmentAnswers {
  /** Loss or unlawful processing of personal data (is it a breach at all, art. 4(12)). */
  lossOrUnlawfulProcessing: boolean;
  /** Special categories or criminal data (art. 9, 10). */
  specialCategories: boolean;
  /** BSN, financial data, identity documents, credentials: identity fraud or financial loss. */
  sensitiveData: boolean;
  natureAndScale: string;
  approxDataSubjects: number | null;
  vulnerableSubjects: boolean;
  /** State-of-the-art encryption with the key not compromised, or otherwise unintelligible. */
  dataUnintelligible: boolean;
  likelyConsequences: string;
}

export interface NotificationProposal {
  notifyAp: boolean;
  informSubjects: boolean;
  /** Why, in Dutch, with the source of each step. */
  reasons: string[];
}

/** From this many data subjects on, scale is named as an aggravating factor. */
const LARGE_SCALE = 100;

export function proposeNotification(a: BreachAssessmentAnswers): NotificationProposal {
  if (!a.lossOrUnlawfulProcessing) {
    return {
      notifyAp: false,
      informSubjects: false,
      reasons: ['Geen inbreuk in verband met persoonsgegevens (art. 4 lid 12 AVG): niet melden, wel vastleggen in het incidentenregister (art. 33 lid 5 AVG).'],
    };
  }
  if (a.dataUnintelligible) {
    return {
      notifyAp: false,
      informSubjects: false,
      reasons: [
        'De gegevens waren onbegrijpelijk voor onbevoegden (versleuteld, sleutel niet gecompromitteerd): een risico is niet waarschijnlijk (EDPB-richtsnoeren 9/2022, bijlage B, voorbeeld gestolen versleutelde back-up).',
        'Betrokkenen informeren is niet nodig (art. 34 lid 3 sub a AVG); vastleggen in het register (art. 33 lid 5 AVG).',
        'Wordt de sleutel alsnog gecompromitteerd, dan opnieuw beoordelen.',
      ],
    };
  }
  const reasons = ['Een inbreuk op onversleutelde persoonsgegevens: niet uit te sluiten dat zij een risico voor betrokkenen inhoudt, dus binnen 72 uur melden bij de AP (art. 33 lid 1 AVG).'];
  const highRisk: string[] = [];
  if (a.specialCategories) {
    highRisk.push('Bijzondere of strafrechtelijke persoonsgegevens: schade moet waarschijnlijk worden geacht (EDPB-richtsnoeren 9/2022, punt 102; art. 9 en 10 AVG).');
  }
  if (a.sensitiveData) highRisk.push('Gevoelige gegevens (BSN, financiële gegevens, identiteitsbewijs, inloggegevens): risico op identiteitsfraude of financiële schade.');
  if (a.vulnerableSubjects) highRisk.push('Kinderen of kwetsbare personen: bijzondere kenmerken van de betrokkenen verhogen de ernst.');
  if (a.approxDataSubjects !== null && a.approxDataSubjects >= LARGE_SCALE) {
    reasons.push(`Omvang: ongeveer ${a.approxDataSubjects} betrokkenen; het aantal betrokkenen weegt mee in de ernst.`);
  }
  if (highRisk.length > 0) {
    reasons.push(...highRisk, 'Waarschijnlijk een hoog risico: betrokkenen onverwijld informeren (art. 34 lid 1 AVG), tenzij een grond van art. 34 lid 3 AVG van toepassing is.');
  } else {
    reasons.push('Geen aanwijzing voor een hoog risico (geen bijzondere of gevoelige gegevens, geen kwetsbare betrokkenen): betrokkenen informeren is niet verplicht.');
  }
  return { notifyAp: true, informSubjects: highRisk.length > 0, reasons };
}
