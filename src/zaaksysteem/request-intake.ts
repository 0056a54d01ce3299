import { DateTime } from 'luxon';
import type { DataSubjectRequestService, RequestRegistration } from '../dsr/data-subject-request.service';
import { DsrRequestError, DsrRequestErrorCode } from '../dsr/dsr-request-error';
import type { ZaakIntake } from './zaak-intake';
import { z } from 'zod';
import { ZgwError, ZgwErrorCode } from './zgw-error';
import { ZgwResponses } from './zgw-responses';

type RolView = z.infer<typeof ZgwResponses.rol>;

const refused = (zaakUrl: string, message: string, fields: unknown[] = []) =>
  new ZgwError(ZgwErrorCode.INTAKE_REFUSED, `zaak ${zaakUrl} cannot become a data-subject request: ${message}`, { retryable: false, fields });

const words = (...parts: (string | null | undefined)[]) => parts.map((p) => p?.trim()).filter(Boolean).join(' ');

function postalAddress(a: NonNullable<NonNullable<RolView['betrokkeneIdentificatie']>['verblijfsadres']>): string | undefined {
  const street = words(a.gorOpenbareRuimteNaam, [a.aoaHuisnummer, a.aoaHuisletter, a.aoaHuisnummertoevoeging].filter((x) => x !== undefined && x !== '').join(''));
  const place = words(a.aoaPostcode, a.wplWoonplaatsNaam);
  return street && place ? `${street}, ${place}` : undefined;
}

/**
 * A DigiD e-form registered as a zaak (Open Formulieren's ZGW registration: the applicant as
 * initiator, natuurlijk_persoon with the BSN from DigiD) becomes a data-subject request here,
 * registered like one that came by post: the same validation, legal clock and reference. The
 * right comes from the zaakeigenschap the configuration names; the departments from the
 * configuration. The zaak's registration date is the date of receipt.
 */
export function dataSubjectRequestIntake(requests: () => DataSubjectRequestService): ZaakIntake {
  return async ({ tenantId, process, zaakUrl, client, actor, onStarted }) => {
    const intake = process.settings.requestIntake;
    if (!intake) throw refused(zaakUrl, `process ${process.processKey} has no requestIntake in the configuration`);
    const zaak = await client.get(zaakUrl, ZgwResponses.zaakForIntake);
    const rollen = await client.all(`${client.municipality.apis.zaken}/rollen`, ZgwResponses.rol, { zaak: zaakUrl, omschrijvingGeneriek: 'initiator' });
    const eigenschappen = await client.get(`${zaakUrl}/zaakeigenschappen`, z.array(ZgwResponses.zaakeigenschap));

    const initiator = rollen.find((r) => r.omschrijvingGeneriek === 'initiator' && r.betrokkeneType === 'natuurlijk_persoon')?.betrokkeneIdentificatie;
    if (!initiator) throw refused(zaakUrl, 'the zaak has no initiator who is a natuurlijk persoon');
    const value = eigenschappen.find((e) => e.naam === intake.rightEigenschap)?.waarde?.trim().toLowerCase();
    const right = value !== undefined ? intake.rights[value] : intake.defaultRight;
    if (!right) throw refused(zaakUrl, value === undefined ? `no zaakeigenschap ${intake.rightEigenschap} and no defaultRight` : `"${value}" is not a configured value of ${intake.rightEigenschap}`);

    const contact = rollen.find((r) => r.omschrijvingGeneriek === 'initiator')?.contactpersoonRol;
    const receivedOn = zaak.registratiedatum || zaak.startdatum;
    const registration: RequestRegistration = {
      right,
      channel: 'zaaksysteem',
      receivedAt: DateTime.fromISO(receivedOn, { zone: 'Europe/Amsterdam' }).toISO()!,
      // The e-form's text is the zaak's toelichting (Open Formulieren) or, failing that, its omschrijving.
      verbatimText: zaak.toelichting?.trim() || zaak.omschrijving?.trim() || `Verzoek geregistreerd in het zaaksysteem als zaak ${zaak.identificatie ?? zaakUrl}.`,
      requester: {
        name: words(initiator.voornamen || initiator.voorletters, initiator.voorvoegselGeslachtsnaam, initiator.geslachtsnaam),
        ...(initiator.inpBsn ? { bsn: initiator.inpBsn } : {}),
        ...(/^\d{4}-\d{2}-\d{2}$/.test(initiator.geboortedatum ?? '') ? { dateOfBirth: initiator.geboortedatum } : {}),
        ...(initiator.verblijfsadres && postalAddress(initiator.verblijfsadres) ? { postalAddress: postalAddress(initiator.verblijfsadres) } : {}),
        ...(contact?.emailadres ? { email: contact.emailadres } : {}),
      },
      departments: intake.departments,
    };
    try {
      await requests().register(actor, registration, tenantId, { onStarted });
    } catch (err) {
      if (err instanceof DsrRequestError && err.code === DsrRequestErrorCode.REQUEST_INVALID) throw refused(zaakUrl, err.message, err.fieldErrors ?? []);
      throw err;
    }
  };
}
