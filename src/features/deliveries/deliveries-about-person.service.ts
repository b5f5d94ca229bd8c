import type { Db } from '../../db/database.ts';
import * as repo from './deliveries-about-person.repo.ts';

/** The deliveries' part of the AVG download, in the download's Dutch words. */
export async function exportDeliveriesAboutPerson(db: Db, who: { accountId: string; personIds: string[] }) {
  const [rows, invitations, duplicates, submitted] = await Promise.all([
    repo.listRowsAboutPersons(db, who.personIds),
    repo.listInvitationsOfPersons(db, who.personIds),
    repo.listDuplicateChecksOf(db, who.personIds),
    repo.listDeliveriesSubmittedBy(db, who.accountId),
  ]);
  return {
    aangeleverdeRegels: rows.map((r) => ({
      aangeleverdOp: r.deliveredAt.toISOString(),
      bestuur: r.board,
      regel: r.rowNumber,
      uitkomst: r.outcome,
      meldingen: r.messages ?? [],
      gegevens: {
        personeelsnummer: r.staffNumber,
        bsn: r.hasBsn ? 'aangeleverd (versleuteld bewaard, niet getoond)' : null,
        voorletters: r.initials,
        voornamen: r.firstNames,
        tussenvoegsel: r.prefix,
        achternaam: r.surname,
        geboortedatum: r.birthDate,
        email: r.email,
        instellingscode: r.brin,
        functie: r.function,
        benoemingsgrondslag: r.appointmentBasis,
        begindatum: r.startDate,
        einddatum: r.endDate,
        werktijdfactor: r.fte,
        mutatie: r.mutation,
      },
    })),
    uitnodigingen: invitations.map((i) => ({ verstuurdAan: i.sentTo, verstuurdOp: i.createdAt.toISOString(), naAanleveringVan: i.board })),
    dubbeleRegistratieControles: duplicates.map((d) => ({
      reden: d.reason,
      status: d.status,
      gemeld: d.createdAt.toISOString(),
      afgehandeld: d.resolvedAt?.toISOString() ?? null,
    })),
    doorUAangeleverd: submitted.map((d) => ({
      aangeleverdOp: d.createdAt.toISOString(),
      bestuur: d.board,
      kanaal: d.channel,
      soort: d.mode,
      bestand: d.fileName,
      status: d.status,
      regels: d.rowCount,
    })),
  };
}
