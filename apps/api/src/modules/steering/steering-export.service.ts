import { Injectable } from '@nestjs/common';
import ExcelJS from 'exceljs';
import type { CockpitLine, CockpitQuery, RegionalQuery, RegionalView } from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { toCsv } from '../../core/csv/csv';
import { parisDay } from './steering-compute';
import { SteeringService } from './steering.service';

export interface SteeringFile {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

type Cell = string | number | null;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const COCKPIT_HEADERS = [
  'Réseau',
  'Type',
  'Maturité',
  'Organisation hôte',
  'Organisation référente',
  'Départements',
  'Animateurs',
  'Membres',
  'Membres actifs (90 j)',
  'Adhésions (12 mois)',
  'Départs (12 mois)',
  'Sujets (12 mois)',
  'Messages (12 mois)',
  'Part des sujets répondus',
  'Délai médian de 1re réponse (h)',
  'Événements tenus (12 mois)',
  'Inscriptions',
  'Présences',
  'Taux de présence',
  'Liste d’attente',
  'Documents ajoutés (12 mois)',
  'Plan d’actions',
  'Avancement du plan',
  'Actions faites',
  'Actions en retard',
  'En sommeil',
  'Jours sans activité',
  'Dernière activité',
];

/** Cockpit and regional schema exports: CSV (spreadsheet-safe, see toCsv) and XLSX (exceljs), the same lines as the pages. */
@Injectable()
export class SteeringExportService {
  constructor(private readonly steering: SteeringService) {}

  async cockpit(actor: Actor, query: CockpitQuery, format: 'csv' | 'xlsx'): Promise<SteeringFile> {
    const rows = (await this.steering.cockpitLines(actor, query)).map(cockpitRow);
    return this.file(`pilotage-reseaux-${parisDay(new Date())}`, format, [{ name: 'Réseaux', headers: COCKPIT_HEADERS, rows }]);
  }

  async regional(actor: Actor, query: RegionalQuery, format: 'csv' | 'xlsx'): Promise<SteeringFile> {
    const view = await this.steering.regional(actor, query);
    const sheets = await this.regionalSheets(actor, view);
    return this.file(`schema-regional-reseaux-${parisDay(new Date())}`, format, format === 'csv' ? sheets.slice(0, 1) : sheets);
  }

  private async regionalSheets(actor: Actor, view: RegionalView): Promise<{ name: string; headers: string[]; rows: Cell[][] }[]> {
    const details = await this.steering.sheetsOf(
      actor,
      view.networks.map((n) => n.id),
    );
    const headers = [
      'Réseau',
      'Type',
      'Maturité',
      'CCI hôte',
      'CCI référente',
      'Départements',
      'EPCI',
      'Membres',
      'Membres actifs (90 j)',
      'En sommeil',
      'Besoins',
      'Partenaires (rôle)',
      'Président',
      'Bureau',
      'Élu référent CCI',
      'Convention',
      'Début de convention',
      'Revue annuelle',
      'ETP mis à disposition',
      'Financements',
      'Latitude',
      'Longitude',
    ];
    const rows = view.networks.map((n): Cell[] => {
      const d = details.get(n.id);
      return [
        n.name,
        n.type,
        n.maturity,
        n.hostOrganization.name,
        n.referentOrganization?.name ?? null,
        n.departements.join(', '),
        n.epcis.join(', '),
        n.members,
        n.activeMembers,
        n.dormant ? 'oui' : 'non',
        n.needs.join(', '),
        (d?.partners ?? []).map((p) => `${p.name} (${p.role})`).join(', '),
        d?.governance.president ?? null,
        (d?.governance.board ?? []).join(', '),
        d?.governance.cciElectedReferent ?? null,
        d?.agreementType ?? null,
        d?.agreementStart ?? null,
        d?.agreementReview ?? null,
        n.fte,
        (d?.funding ?? []).map((f) => `${f.label ?? f.kind}${f.amount !== null ? ` : ${f.amount} €` : ''}`).join(', '),
        n.location?.lat ?? null,
        n.location?.lng ?? null,
      ];
    });
    const table = (title: string, list: { label: string; count: number }[]) => list.map((c): Cell[] => [title, c.label, c.count]);
    const summary: Cell[][] = [
      ...table('Réseaux par type', view.byType),
      ...table('Réseaux par maturité', view.byMaturity),
      ...table('Entreprises membres par type de réseau', view.membersByType),
      ...table('Réseaux par département', view.byDepartement),
      ...table('Réseaux par EPCI', view.byEpci),
      ...table('Besoins des réseaux', view.needs),
      ...view.fteByOrganization.map((o): Cell[] => ['ETP d’animation par CCI', o.name, o.fte]),
    ];
    return [
      { name: 'Réseaux', headers, rows },
      { name: 'Synthèse', headers: ['Tableau', 'Valeur', 'Nombre'], rows: summary },
    ];
  }

  private async file(
    base: string,
    format: 'csv' | 'xlsx',
    sheets: { name: string; headers: string[]; rows: Cell[][] }[],
  ): Promise<SteeringFile> {
    const filename = `${base}.${format}`.replace(/[^a-z0-9._-]/gi, '-');
    if (format === 'csv') {
      const [sheet] = sheets;
      return {
        filename,
        contentType: 'text/csv; charset=utf-8',
        content: toCsv([sheet.headers, ...sheet.rows.map((r) => r.map((c) => (c === null ? null : String(c))))]),
      };
    }
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Maillage';
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name);
      ws.addRow(sheet.headers).font = { bold: true };
      // Text cells that look like formulas stay text: exceljs writes strings as shared strings, never as formulas.
      for (const row of sheet.rows) ws.addRow(row);
      ws.columns.forEach((c) => (c.width = 18));
    }
    return { filename, contentType: XLSX, content: Buffer.from(await workbook.xlsx.writeBuffer()) };
  }
}

function cockpitRow(l: CockpitLine): Cell[] {
  return [
    l.network.name,
    l.network.type,
    l.network.maturity,
    l.network.hostOrganization.name,
    l.network.referentOrganization?.name ?? null,
    l.network.departements.join(', '),
    l.animators.map((a) => a.name).join(', '),
    l.members,
    l.activeMembers,
    l.growth12m.joins,
    l.growth12m.leaves,
    l.forum.topics,
    l.forum.posts,
    l.forum.answeredShare,
    l.forum.medianHoursToFirstAnswer,
    l.events.held,
    l.events.registrations,
    l.events.checkIns,
    l.events.attendanceRate,
    l.events.waitlisted,
    l.documentsAdded,
    l.plan ? String(l.plan.year) : null,
    l.plan?.progress ?? null,
    l.plan ? `${l.plan.actionsDone}/${l.plan.actionsTotal}` : null,
    l.alerts.lateActions,
    l.alerts.dormant ? 'oui' : 'non',
    l.alerts.daysSinceActivity,
    l.lastActivityAt ? l.lastActivityAt.slice(0, 10) : null,
  ];
}
