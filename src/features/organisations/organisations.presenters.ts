import type { z } from 'zod';
import type { DirectoryEntry, OrganisationDetail } from './organisations.service.ts';
import type { BoardRecord, LocationRecord, SchoolRecord } from './organisations.repo.ts';
import type { organisationDetail, organisationSummary } from './organisations.api-schemas.ts';

/** Maps the directory's records to the API's Dutch field names. */
export function presentSummary(e: DirectoryEntry): z.infer<typeof organisationSummary> {
  return {
    id: e.id,
    soort: e.kind,
    code: e.code.trim(),
    naam: e.name,
    plaats: e.place,
    provincies: e.provinces,
    denominaties: e.denominations,
    bestuur: { id: e.boardId, nummer: e.boardNumber, naam: e.boardName },
    gesloten: e.closed,
  };
}

const boardRef = (b: BoardRecord) => ({ id: b.id, nummer: b.number, naam: b.name });

const schoolSummary = (s: SchoolRecord) => ({
  id: s.id,
  brin: s.brin,
  naam: s.name,
  plaats: s.place,
  aantalOpenVestigingen: s.locationCount,
  gesloten: s.closedAt !== null,
});

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

const locationSummary = (l: LocationRecord) => ({
  id: l.id,
  vestigingscode: l.code,
  naam: l.name,
  adres: { straat: l.street, huisnummer: l.houseNumber, postcode: l.postcode, plaats: l.place },
  gemeente: { code: l.municipalityCode, naam: l.municipalityName },
  provincie: l.province,
  denominatie: l.denomination,
  telefoon: l.phone,
  website: l.website,
  geslotenOp: iso(l.closedAt),
});

export function presentDetail(d: OrganisationDetail): z.infer<typeof organisationDetail> {
  if (d.kind === 'bestuur') {
    return {
      soort: 'bestuur',
      id: d.board.id,
      nummer: d.board.number,
      naam: d.board.name,
      kvkNummer: d.board.kvkNumber,
      scholen: d.schools.map(schoolSummary),
    };
  }
  if (d.kind === 'school') {
    return {
      soort: 'school',
      id: d.school.id,
      brin: d.school.brin,
      naam: d.school.name,
      bestuur: boardRef(d.board),
      gesloten: d.school.closedAt !== null,
      vestigingen: d.locations.map(locationSummary),
    };
  }
  return { soort: 'vestiging', ...locationSummary(d.location), school: schoolSummary(d.school), bestuur: boardRef(d.board) };
}
