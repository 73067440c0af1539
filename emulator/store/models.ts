/** Training datasets, audience models, configured audience models and analysis templates. */
import type { Db } from "./database";

export interface TrainingDatasetRow {
  seq: number;
  arn: string;
  name: string;
  generator_seed: number;
  users: number;
  create_time: number;
}

export interface AudienceModelRow {
  seq: number;
  arn: string;
  name: string;
  description: string | null;
  training_dataset_arn: string;
  status: string;
  kms_key_arn: string | null;
  training_data_start_time: number | null;
  training_data_end_time: number | null;
  create_time: number;
  update_time: number;
}

export interface ConfiguredAudienceModelRow {
  seq: number;
  arn: string;
  name: string;
  description: string | null;
  audience_model_arn: string;
  /** JSON: { destination: { s3Destination: { s3Uri } }, roleArn } */
  output_config: string;
  /** JSON: ["ALL"] or ["NONE"] */
  shared_audience_metrics: string;
  min_matching_seed_size: number | null;
  /** JSON: { audienceSizeType, audienceSizeBins } */
  audience_size_config: string;
  child_resource_tag_on_create_policy: string | null;
  status: string;
  create_time: number;
  update_time: number;
}

export interface AnalysisTemplateParameter {
  name: string;
  defaultValue?: string;
}

export interface AnalysisTemplateRow {
  arn: string;
  name: string;
  sql: string;
  /** JSON: AnalysisTemplateParameter[] */
  parameters: string;
}

/** A configured audience model's resource policy (resource-policy.ts). */
export interface PolicyRow {
  configured_audience_model_arn: string;
  policy: string;
  /** SHA-256 of the policy text, hex. */
  policy_hash: string;
}

/** `arn LIKE ?`: the resources of one account. */
const inAccountPattern = (account: string) => `arn:%:${account}:%`;

export class ModelStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      trainingDataset: db.prepare<[string], TrainingDatasetRow>(
        "SELECT * FROM training_datasets WHERE arn = ?",
      ),
      audienceModel: db.prepare<[string], AudienceModelRow>(
        "SELECT * FROM audience_models WHERE arn = ?",
      ),
      audienceModels: db.prepare<[number, string, number], AudienceModelRow>(
        "SELECT * FROM audience_models WHERE seq > ? AND arn LIKE ? ORDER BY seq LIMIT ?",
      ),
      configuredModel: db.prepare<[string], ConfiguredAudienceModelRow>(
        "SELECT * FROM configured_audience_models WHERE arn = ?",
      ),
      configuredModels: db.prepare<[number, string, number], ConfiguredAudienceModelRow>(
        "SELECT * FROM configured_audience_models WHERE seq > ? AND arn LIKE ? ORDER BY seq LIMIT ?",
      ),
      policy: db.prepare<[string], PolicyRow>(
        "SELECT * FROM configured_audience_model_policies WHERE configured_audience_model_arn = ?",
      ),
      putPolicy: db.prepare<PolicyRow>(
        `INSERT INTO configured_audience_model_policies (configured_audience_model_arn, policy, policy_hash)
         VALUES (@configured_audience_model_arn, @policy, @policy_hash)
         ON CONFLICT (configured_audience_model_arn) DO UPDATE SET policy = excluded.policy,
           policy_hash = excluded.policy_hash`,
      ),
      deletePolicy: db.prepare<[string]>(
        "DELETE FROM configured_audience_model_policies WHERE configured_audience_model_arn = ?",
      ),
      analysisTemplate: db.prepare<[string], AnalysisTemplateRow>(
        "SELECT * FROM analysis_templates WHERE arn = ?",
      ),
      insertTrainingDataset: db.prepare(
        "INSERT INTO training_datasets (arn, name, generator_seed, users, create_time) VALUES (@arn, @name, @generator_seed, @users, @create_time)",
      ),
      insertAudienceModel: db.prepare(
        `INSERT INTO audience_models (arn, name, description, training_dataset_arn, status, kms_key_arn,
           training_data_start_time, training_data_end_time, create_time, update_time)
         VALUES (@arn, @name, @description, @training_dataset_arn, @status, @kms_key_arn,
           @training_data_start_time, @training_data_end_time, @create_time, @update_time)`,
      ),
      insertConfiguredModel: db.prepare(
        `INSERT INTO configured_audience_models (arn, name, description, audience_model_arn, output_config,
           shared_audience_metrics, min_matching_seed_size, audience_size_config, child_resource_tag_on_create_policy,
           status, create_time, update_time)
         VALUES (@arn, @name, @description, @audience_model_arn, @output_config, @shared_audience_metrics,
           @min_matching_seed_size, @audience_size_config, @child_resource_tag_on_create_policy, @status,
           @create_time, @update_time)`,
      ),
      insertAnalysisTemplate: db.prepare(
        "INSERT INTO analysis_templates (arn, name, sql, parameters) VALUES (@arn, @name, @sql, @parameters)",
      ),
    };
  }

  trainingDataset(arn: string): TrainingDatasetRow | undefined {
    return this.statements.trainingDataset.get(arn);
  }

  audienceModel(arn: string): AudienceModelRow | undefined {
    return this.statements.audienceModel.get(arn);
  }

  /** The account's models after `afterSeq`, oldest first. */
  audienceModels(account: string, afterSeq: number, limit: number): AudienceModelRow[] {
    return this.statements.audienceModels.all(afterSeq, inAccountPattern(account), limit);
  }

  configuredModel(arn: string): ConfiguredAudienceModelRow | undefined {
    return this.statements.configuredModel.get(arn);
  }

  /** The account's configured models after `afterSeq`, oldest first. */
  configuredModels(account: string, afterSeq: number, limit: number): ConfiguredAudienceModelRow[] {
    return this.statements.configuredModels.all(afterSeq, inAccountPattern(account), limit);
  }

  policy(configuredModelArn: string): PolicyRow | undefined {
    return this.statements.policy.get(configuredModelArn);
  }

  putPolicy(row: PolicyRow): void {
    this.statements.putPolicy.run(row);
  }

  deletePolicy(configuredModelArn: string): boolean {
    return this.statements.deletePolicy.run(configuredModelArn).changes > 0;
  }

  analysisTemplate(arn: string): AnalysisTemplateRow | undefined {
    return this.statements.analysisTemplate.get(arn);
  }

  insertTrainingDataset(row: Omit<TrainingDatasetRow, "seq">): void {
    this.statements.insertTrainingDataset.run(row);
  }

  insertAudienceModel(row: Omit<AudienceModelRow, "seq">): void {
    this.statements.insertAudienceModel.run(row);
  }

  insertConfiguredModel(row: Omit<ConfiguredAudienceModelRow, "seq">): void {
    this.statements.insertConfiguredModel.run(row);
  }

  insertAnalysisTemplate(row: AnalysisTemplateRow): void {
    this.statements.insertAnalysisTemplate.run(row);
  }
}
