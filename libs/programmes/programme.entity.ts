import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ASSUMED_COLUMN, type AssumedValues } from '../core/assumed/assumed-values.js';
import { type Ore, oreColumn } from '../core/money/money.js';
import type { PlannedShare } from './payment-plan.js';

export const DECISION_MODES = ['after_deadline', 'rolling'] as const;
export type DecisionMode = (typeof DECISION_MODES)[number];

export interface Theme {
  key: string;
  name: string;
}

export interface Criterion {
  key: string;
  title: string;
  description: string;
}

/** A grant programme (pulje): its budget, rules for applicants and what assessments rate. */
@Entity('programme')
export class Programme {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Also the stem of its case numbers: `ÆLD-2020` gives `ÆLD-2020-0007`. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'budget_ore', type: 'bigint', transformer: oreColumn })
  budgetOre: Ore;

  @Column({ name: 'min_application_ore', type: 'bigint', transformer: oreColumn })
  minApplicationOre: Ore;

  @Column({ name: 'application_opens_at', type: 'timestamptz' })
  applicationOpensAt: Date;

  @Column({ name: 'application_closes_at', type: 'timestamptz' })
  applicationClosesAt: Date;

  @Column({ name: 'max_covid_extension_months', type: 'int' })
  maxCovidExtensionMonths: number;

  @Column({ name: 'status_report_interval_months', type: 'int' })
  statusReportIntervalMonths: number;

  @Column({ name: 'final_report_due_months', type: 'int' })
  finalReportDueMonths: number;

  /** The longest project period an application may plan, or a decision award. */
  @Column({ name: 'max_project_months', type: 'int', default: 60 })
  maxProjectMonths: number;

  /** The administrator who set the programme up (null for programmes from before it was recorded). */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'jsonb' })
  themes: Theme[];

  @Column({ type: 'jsonb' })
  criteria: Criterion[];

  /** The legal basis decisions under this programme cite. */
  @Column({ name: 'legal_basis', type: 'text', nullable: true })
  legalBasis: string | null;

  /** Klagevejledning (forvaltningsloven § 25): how to appeal a decision under this programme. */
  @Column({ name: 'appeal_guidance', type: 'text', nullable: true })
  appealGuidance: string | null;

  /** `after_deadline`: decided once the window has closed, every application on equal terms; `rolling`: as they arrive. */
  @Column({ name: 'decision_mode', type: 'text', default: 'after_deadline' })
  decisionMode: DecisionMode;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** The programme's own conditions, printed in every award letter after the standard ones. */
  @Column({ name: 'award_conditions', type: 'text', nullable: true })
  awardConditions: string | null;

  /** Whether submission needs budget lines summing to the amount applied for (false for programmes from before they existed). */
  @Column({ name: 'requires_budget_lines', type: 'boolean', default: false })
  requiresBudgetLines: boolean;

  /** Kinds of document (document-kinds.ts) that must be on the case before it can be submitted. */
  @Column({ name: 'required_document_kinds', type: 'text', array: true, default: () => "'{}'" })
  requiredDocumentKinds: string[];

  /**
   * How an award is paid out: shares of it, each with its trigger (payment-plan.ts), summing to 100 %.
   * Copied to each award's instalments when the award is made; fixed once the programme has awards.
   */
  @Column({ name: 'payment_plan', type: 'jsonb' })
  paymentPlan: PlannedShare[];

  /** An award at or above this amount needs an auditor's statement (revisorerklæring) with its final accounts. */
  @Column({ name: 'auditor_statement_threshold_ore', type: 'bigint', transformer: oreColumn, default: 50_000_000 })
  auditorStatementThresholdOre: Ore;

  /** A repayment claim below this amount is waived at once: collecting it would cost more than it brings. */
  @Column({ name: 'repayment_waiver_ore', type: 'bigint', transformer: oreColumn, default: 100_000 })
  repaymentWaiverOre: Ore;

  /** What a historical import assumed where its sources are silent (window opening, criteria, report policy): see AssumedValues. */
  @Column(ASSUMED_COLUMN)
  assumed: AssumedValues;

  @Column({ name: 'last_case_number', type: 'int', default: 0 })
  lastCaseNumber: number;

  /** Changes in the transaction of every change the ledger shows (kept by triggers, never written here). */
  @Column({ name: 'ledger_version', type: 'bigint', insert: false, update: false, default: 0 })
  ledgerVersion: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
