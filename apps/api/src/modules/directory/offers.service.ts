import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CompanyOffer as OfferView } from '@maillage/contracts';
import { findCommune, findNaf } from '@maillage/referentials';
import { AccessPolicy } from '../../core/access/access-policy.service';
import type { Actor } from '../../core/access/actor';
import { AppException } from '../../core/errors/app-exception';
import { SearchIndexer } from '../../core/search/search-indexer.service';
import type { CompanyOfferDto } from './dto/offer.dto';
import { CompanyOffer } from './entities/company-offer.entity';

const MAX_OFFERS = 30;

/**
 * Offers and needs of companies ("je propose / je cherche"). Matching companies and opportunities is the
 * opportunities module's one engine (OpportunityMatchingService), which reads the offers.
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
