import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  MATURITY_CRITERIA,
  type MaturityAssessment,
  type MaturityOverview,
  type NetworkMaturity,
  type NetworkSheet,
} from '@maillage/contracts';
import type { Actor } from '../../core/access/actor';
import { NetworksService } from '../networks/networks.service';
import { PeopleService } from '../people/people.service';
import type { MaturityDto, SheetDto } from './dto/steering.dto';
import { SteeringMaturityAssessment, SteeringNetworkSheet } from './entities/steering-network.entity';
import { parisDay } from './steering-compute';
import { SteeringErrors } from './steering.errors';
import { SteeringLinesService } from './steering-lines.service';
import { SteeringPlansService } from './steering-plans.service';

/** Maturity assessments (they set the network's stage) and the network sheet of the regional schema. */
@Injectable()
export class SteeringNetworksService {
  constructor(
    private readonly db: DataSource,
    private readonly networks: NetworksService,
    private readonly people: PeopleService,
    private readonly plans: SteeringPlansService,
    private readonly lines: SteeringLinesService,
  ) {}

  async maturity(actor: Actor, networkId: string): Promise<MaturityOverview> {
    await this.plans.assertSteer(actor, networkId);
    const [network] = await this.networks.steeringSummaries(this.db, [networkId]);
    const rows = await this.db
      .getRepository(SteeringMaturityAssessment)
      .find({ where: { networkId }, order: { assessedOn: 'DESC', createdAt: 'DESC' } });
    const names = await this.people.namesOf(rows.map((r) => r.assessorId).filter((x): x is string => !!x));
    const history: MaturityAssessment[] = rows.map((r) => ({
      id: r.id,
      stage: r.stage,
      previousStage: r.previousStage,
      criteria: r.criteria,
      comment: r.comment,
      assessedOn: r.assessedOn,
      assessor: r.assessorId ? { personId: r.assessorId, name: names.get(r.assessorId) ?? '' } : null,
      createdAt: r.createdAt.toISOString(),
    }));
    return { networkId, stage: network.maturity, criteria: MATURITY_CRITERIA, latest: history[0] ?? null, history, canAssess: true };
  }

  async assess(actor: Actor, networkId: string, dto: MaturityDto, now = new Date()): Promise<MaturityOverview> {
    await this.plans.assertSteer(actor, networkId);
    const assessedOn = dto.assessedOn ?? parisDay(now);
    if (assessedOn > parisDay(now)) throw SteeringErrors.futureDate('assessedOn');
    await this.db.transaction(async (tx) => {
      const [network] = await this.networks.steeringSummaries(tx, [networkId]);
      await tx.insert(SteeringMaturityAssessment, {
        networkId,
        stage: dto.stage,
        previousStage: network.maturity as NetworkMaturity,
        criteria: dto.criteria,
        comment: dto.comment,
        assessedOn,
        assessorId: actor.personId,
      });
      if (network.maturity !== dto.stage) {
        await this.networks.setMaturity(tx, networkId, dto.stage);
        await this.lines.write(tx, [networkId], now);
      }
    });
    return this.maturity(actor, networkId);
  }

  async sheet(actor: Actor, networkId: string, now = new Date()): Promise<NetworkSheet> {
    await this.plans.assertSteer(actor, networkId);
    const row = await this.db.getRepository(SteeringNetworkSheet).findOneBy({ networkId });
    const updater = row?.updatedById ? (await this.people.namesOf([row.updatedById])).get(row.updatedById) : null;
    return {
      networkId,
      needs: row?.needs ?? [],
      needsComment: row?.needsComment ?? null,
      partners: row?.partners ?? [],
      governance: { president: null, board: [], cciElectedReferent: null, comment: null, ...(row?.governance ?? {}) },
      agreement: {
        type: row?.agreementType ?? 'none',
        startDate: row?.agreementStart ?? null,
        reviewDate: row?.agreementReview ?? null,
        fte: row?.agreementFte ?? null,
        comment: row?.agreementComment ?? null,
        reviewOverdue: !!row?.agreementReview && row.agreementReview < parisDay(now),
      },
      funding: row?.funding ?? [],
      updatedAt: row ? row.updatedAt.toISOString() : null,
      updatedBy: row?.updatedById ? { personId: row.updatedById, name: updater ?? '' } : null,
      canEdit: true,
    };
  }

  async saveSheet(actor: Actor, networkId: string, dto: SheetDto, now = new Date()): Promise<NetworkSheet> {
    await this.plans.assertSteer(actor, networkId);
    if (dto.agreement.startDate && dto.agreement.reviewDate && dto.agreement.reviewDate < dto.agreement.startDate)
      throw SteeringErrors.dueBeforeStart('agreement.reviewDate');
    await this.db.getRepository(SteeringNetworkSheet).save({
      networkId,
      needs: [...new Set(dto.needs)],
      needsComment: dto.needsComment ?? null,
      partners: dto.partners.map((p) => ({ name: p.name, role: p.role, comment: p.comment ?? null })),
      governance: {
        president: dto.governance.president ?? null,
        board: (dto.governance.board ?? []).map((b) => b.trim()).filter(Boolean),
        cciElectedReferent: dto.governance.cciElectedReferent ?? null,
        comment: dto.governance.comment ?? null,
      },
      agreementType: dto.agreement.type,
      agreementStart: dto.agreement.startDate ?? null,
      agreementReview: dto.agreement.reviewDate ?? null,
      agreementFte: dto.agreement.fte ?? null,
      agreementComment: dto.agreement.comment ?? null,
      funding: dto.funding.map((f) => ({ kind: f.kind, label: f.label ?? null, amount: f.amount ?? null })),
      updatedById: actor.personId,
    });
    return this.sheet(actor, networkId, now);
  }
}
