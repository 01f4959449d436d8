import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompanyMatch, CompanyMatches, CompanyOffer as OfferView, OfferKind } from '@maillage/contracts';
import { findCommune, findNaf } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import { fileUrl } from '../companies/companies.service';
import type { CompanyOfferDto } from './dto/offer.dto';
import { CompanyOffer } from './entities/company-offer.entity';

const MAX_OFFERS = 30;
const MATCHES = 10;

interface MatchRow {
  their_id: string;
  their_label: string;
  our_id: string;
  our_label: string;
  company_id: string;
  siret: string;
  name: string;
  naf_code: string | null;
  commune_code: string | null;
  departement_code: string | null;
  logo_file_id: string | null;
  naf: string[];
  skills: string[];
  territory: boolean;
  score: number;
}

/**
 * Offers and needs of companies, and the matches between them: a need matches an offer of another
 * company by NAF codes (3 points each), skills (2 points each, case-insensitive) and territory
 * (2 points when the territories meet, or one covers the other company's place).
 */
@Injectable()
export class OffersService {
  constructor(
    private readonly db: DataSource,
    private readonly access: AccessPolicy,
    private readonly indexer: SearchIndexer,
  ) {}

  async list(companyId: string): Promise<OfferView[]> {
    await this.assertCompany(companyId);
    const rows = await this.db.manager.find(CompanyOffer, { where: { companyId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toView);
  }

  async create(actor: Actor, companyId: string, dto: CompanyOfferDto): Promise<OfferView> {
    await this.assertEditable(actor, companyId);
    const saved = await this.db.transaction(async (tx) => {
      // Serialises concurrent creations for the company, so that the limit holds.
      await tx.query('SELECT id FROM companies WHERE id = $1 FOR UPDATE', [companyId]);
      if ((await tx.countBy(CompanyOffer, { companyId })) >= MAX_OFFERS) {
        throw AppException.conflict('TOO_MANY_OFFERS', `A company publishes at most ${MAX_OFFERS} offers and needs`);
      }
      const offer = await tx.save(CompanyOffer, tx.create(CompanyOffer, { companyId, ...fields(dto) }));
      await this.indexer.enqueue(tx, 'company', [companyId]);
      return offer;
    });
    return toView(saved);
  }

  async update(actor: Actor, companyId: string, offerId: string, dto: CompanyOfferDto): Promise<OfferView> {
    await this.assertEditable(actor, companyId);
    const saved = await this.db.transaction(async (tx) => {
      const offer = await tx.findOne(CompanyOffer, { where: { id: offerId, companyId }, lock: { mode: 'pessimistic_write' } });
      if (!offer) throw AppException.notFound('Offer');
      Object.assign(offer, fields(dto));
      const result = await tx.save(offer);
      await this.indexer.enqueue(tx, 'company', [companyId]);
      return result;
    });
    return toView(saved);
  }

  async remove(actor: Actor, companyId: string, offerId: string): Promise<void> {
    await this.assertEditable(actor, companyId);
    await this.db.transaction(async (tx) => {
      const result = await tx.delete(CompanyOffer, { id: offerId, companyId });
      if (!result.affected) throw AppException.notFound('Offer');
      await this.indexer.enqueue(tx, 'company', [companyId]);
    });
  }

  async matches(companyId: string): Promise<CompanyMatches> {
    await this.assertCompany(companyId);
    const [needWhatYouOffer, offerWhatYouNeed] = await Promise.all([this.match(companyId, 'offer'), this.match(companyId, 'need')]);
    return { needWhatYouOffer, offerWhatYouNeed };
  }

  /** Other companies' offers of the opposite kind that share a NAF code or a skill with ours, best first, one per company. */
  private async match(companyId: string, ours: OfferKind): Promise<CompanyMatch[]> {
    const rows: MatchRow[] = await this.db.query(
      `WITH ours AS (
         SELECT o.id, o.label, o.naf_codes, o.skills, ARRAY(SELECT lower(s) FROM unnest(o.skills) s) AS lskills,
                o.commune_codes, o.departement_codes, o.region_codes, c.commune_code, c.departement_code, c.region_code
         FROM company_offers o JOIN companies c ON c.id = o.company_id WHERE o.company_id = $1 AND o.kind = $2),
       pairs AS (
         SELECT t.id AS their_id, t.label AS their_label, o.id AS our_id, o.label AS our_label, t.company_id,
                ARRAY(SELECT unnest(t.naf_codes) INTERSECT SELECT unnest(o.naf_codes)) AS naf,
                ARRAY(SELECT lower(s) FROM unnest(t.skills) s INTERSECT SELECT unnest(o.lskills)) AS skills,
                (t.commune_codes && o.commune_codes OR t.departement_codes && o.departement_codes OR t.region_codes && o.region_codes
                 OR c.departement_code = ANY(o.departement_codes) OR c.region_code = ANY(o.region_codes) OR c.commune_code = ANY(o.commune_codes)
                 OR o.departement_code = ANY(t.departement_codes) OR o.region_code = ANY(t.region_codes) OR o.commune_code = ANY(t.commune_codes)
                ) AS territory
         FROM ours o
         JOIN company_offers t ON t.kind <> $2 AND t.company_id <> $1 AND (t.naf_codes && o.naf_codes OR t.skills && o.skills
              OR ARRAY(SELECT lower(s) FROM unnest(t.skills) s) && o.lskills)
         JOIN companies c ON c.id = t.company_id),
       scored AS (
         SELECT p.*, cardinality(p.naf) * 3 + cardinality(p.skills) * 2 + CASE WHEN p.territory THEN 2 ELSE 0 END AS score,
                row_number() OVER (PARTITION BY p.company_id ORDER BY cardinality(p.naf) * 3 + cardinality(p.skills) * 2
                  + CASE WHEN p.territory THEN 2 ELSE 0 END DESC, p.their_id) AS rank
         FROM pairs p WHERE cardinality(p.naf) + cardinality(p.skills) > 0)
       SELECT s.their_id, s.their_label, s.our_id, s.our_label, s.company_id, s.naf, s.skills, s.territory, s.score,
              c.siret, COALESCE(c.trade_name, c.legal_name) AS name, c.naf_code, c.commune_code, c.departement_code, c.logo_file_id
       FROM scored s JOIN companies c ON c.id = s.company_id
       WHERE s.rank = 1 ORDER BY s.score DESC, name, s.company_id LIMIT ${MATCHES}`,
      [companyId, ours],
    );
    return rows.map((r) => ({
      company: {
        id: r.company_id,
        siret: r.siret,
        name: r.name,
        nafCode: r.naf_code,
        communeName: r.commune_code ? (findCommune(r.commune_code)?.name ?? null) : null,
        logoUrl: fileUrl(r.logo_file_id),
        communeCode: r.commune_code,
        departementCode: r.departement_code,
      },
      score: r.score,
      theirs: { id: r.their_id, label: r.their_label },
      ours: { id: r.our_id, label: r.our_label },
      reasons: { naf: r.naf, skills: r.skills, territory: r.territory },
    }));
  }

  private async assertCompany(id: string) {
    const rows: unknown[] = await this.db.query('SELECT 1 FROM companies WHERE id = $1', [id]);
    if (!rows.length) throw AppException.notFound('Company');
  }

  private async assertEditable(actor: Actor, companyId: string) {
    await this.assertCompany(companyId);
    await this.access.assert(this.access.canEditCompany(actor, companyId));
  }
}

function fields(dto: CompanyOfferDto) {
  return {
    kind: dto.kind,
    label: dto.label,
    description: dto.description ?? null,
    nafCodes: [...new Set((dto.nafCodes ?? []).map((c) => findNaf(c)?.code ?? c))],
    skills: dto.skills ?? [],
    communeCodes: [...new Set((dto.territory?.communes ?? []).map((c) => findCommune(c)?.code ?? c))],
    departementCodes: dto.territory?.departements ?? [],
    regionCodes: dto.territory?.regions ?? [],
  };
}

function toView(o: CompanyOffer): OfferView {
  return {
    id: o.id,
    companyId: o.companyId,
    kind: o.kind,
    label: o.label,
    description: o.description,
    nafCodes: o.nafCodes,
    skills: o.skills,
    territory: { communes: o.communeCodes, departements: o.departementCodes, regions: o.regionCodes },
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
  };
}
