CREATE TYPE "public"."role" AS ENUM('admin', 'body', 'scoring');--> statement-breakpoint
CREATE TYPE "public"."campaign_level" AS ENUM('province', 'ministry');--> statement-breakpoint
CREATE TYPE "public"."list_state" AS ENUM('draft', 'submitted');--> statement-breakpoint
CREATE TYPE "public"."invitation_status" AS ENUM('active', 'completed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."mail_status" AS ENUM('queued', 'sent', 'bounced', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outbox_kind" AS ENUM('invitation', 'reminder');--> statement-breakpoint
CREATE TYPE "public"."outbox_status" AS ENUM('queued', 'sending', 'sent', 'failed', 'bounced', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."reminder_kind" AS ENUM('schedule', 'urge');--> statement-breakpoint
CREATE TYPE "public"."flag_decision" AS ENUM('dismiss', 'void_responses', 'void_body');--> statement-breakpoint
CREATE TYPE "public"."flag_status" AS ENUM('open', 'dismissed', 'confirmed');--> statement-breakpoint
CREATE TYPE "public"."flag_severity" AS ENUM('low', 'medium', 'high');--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"campaign_id" text,
	"body_code" text,
	"details" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"body_code" text,
	"display_name" text,
	"token_version" integer DEFAULT 0 NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_body_code_for_body_role" CHECK (("users"."role" = 'body') = ("users"."body_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "campaign_bodies" (
	"campaign_id" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"list_state" "list_state" DEFAULT 'draft' NOT NULL,
	"list_submitted_at" timestamp with time zone,
	"list_deadline" timestamp with time zone,
	"it_contact_name" text,
	"it_contact_title" text,
	"it_contact_mobile" text,
	"last_urged_at" timestamp with time zone,
	"voided_at" timestamp with time zone,
	"void_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_bodies_campaign_id_code_pk" PRIMARY KEY("campaign_id","code")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"year" integer NOT NULL,
	"level" "campaign_level" NOT NULL,
	"preset" text NOT NULL,
	"config" jsonb NOT NULL,
	"list_deadline" timestamp with time zone NOT NULL,
	"response_deadline" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_deadlines_ordered" CHECK ("campaigns"."list_deadline" <= "campaigns"."response_deadline")
);
--> statement-breakpoint
CREATE TABLE "respondents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text NOT NULL,
	"full_name" text NOT NULL,
	"email" text NOT NULL,
	"email_norm" text NOT NULL,
	"phone" text,
	"phone_norm" text,
	"organisation" text,
	"position" text,
	"import_id" uuid,
	"line" integer,
	"merged_into" uuid,
	"merge_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roster_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text,
	"file_name" text,
	"rows" integer NOT NULL,
	"imported" integer NOT NULL,
	"merged" integer NOT NULL,
	"warnings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text NOT NULL,
	"respondent_id" uuid,
	"email_norm" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"token_hash" "bytea" NOT NULL,
	"status" "invitation_status" DEFAULT 'active' NOT NULL,
	"mail_status" "mail_status" DEFAULT 'queued' NOT NULL,
	"bounce_reason" text,
	"first_opened_at" timestamp with time zone,
	"devices_seen" integer DEFAULT 0 NOT NULL,
	"completed_on" date,
	"reported_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "outbox_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"campaign_id" text NOT NULL,
	"invitation_id" uuid NOT NULL,
	"kind" "outbox_kind" NOT NULL,
	"status" "outbox_status" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"leased_by" text,
	"message_id" text NOT NULL,
	"last_reply" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reminder_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text,
	"kind" "reminder_kind" NOT NULL,
	"label" text NOT NULL,
	"queued" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drafts" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"answers" jsonb NOT NULL,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitation_devices" (
	"invitation_id" uuid NOT NULL,
	"device_key" "bytea" NOT NULL,
	CONSTRAINT "invitation_devices_invitation_id_device_key_pk" PRIMARY KEY("invitation_id","device_key")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"kind" text NOT NULL,
	"message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text NOT NULL,
	"form_code" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"answers" jsonb NOT NULL,
	"seconds_spent" integer,
	"ip_hash" text,
	"net_hash" text,
	"ua_hash" text,
	"js_enabled" boolean DEFAULT false NOT NULL,
	"devices_seen" integer DEFAULT 1 NOT NULL,
	"voided_at" timestamp with time zone,
	"void_reason" text
);
--> statement-breakpoint
CREATE TABLE "progress_counters" (
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text NOT NULL,
	"shard" smallint NOT NULL,
	"listed" integer DEFAULT 0 NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"delivered" integer DEFAULT 0 NOT NULL,
	"bounced" integer DEFAULT 0 NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	"last_activity_at" timestamp with time zone,
	CONSTRAINT "progress_counters_campaign_id_body_code_group_code_shard_pk" PRIMARY KEY("campaign_id","body_code","group_code","shard")
);
--> statement-breakpoint
CREATE TABLE "progress_daily" (
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text NOT NULL,
	"day" date NOT NULL,
	"shard" smallint NOT NULL,
	"completed" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "progress_daily_campaign_id_body_code_group_code_day_shard_pk" PRIMARY KEY("campaign_id","body_code","group_code","day","shard")
);
--> statement-breakpoint
CREATE TABLE "flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"rule" text NOT NULL,
	"severity" "flag_severity" NOT NULL,
	"fingerprint" text NOT NULL,
	"evidence" jsonb NOT NULL,
	"status" "flag_status" DEFAULT 'open' NOT NULL,
	"decision" "flag_decision",
	"decision_reason" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "seals" (
	"campaign_id" text PRIMARY KEY NOT NULL,
	"sealed_at" timestamp with time zone NOT NULL,
	"digest" text NOT NULL,
	"scheme_version" text NOT NULL,
	"responses" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_bodies" ADD CONSTRAINT "campaign_bodies_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondents" ADD CONSTRAINT "respondents_import_id_roster_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."roster_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondents" ADD CONSTRAINT "respondents_merged_into_respondents_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."respondents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "respondents" ADD CONSTRAINT "respondents_campaign_body_fk" FOREIGN KEY ("campaign_id","body_code") REFERENCES "public"."campaign_bodies"("campaign_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roster_imports" ADD CONSTRAINT "roster_imports_campaign_body_fk" FOREIGN KEY ("campaign_id","body_code") REFERENCES "public"."campaign_bodies"("campaign_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_respondent_id_respondents_id_fk" FOREIGN KEY ("respondent_id") REFERENCES "public"."respondents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_campaign_body_fk" FOREIGN KEY ("campaign_id","body_code") REFERENCES "public"."campaign_bodies"("campaign_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitation_devices" ADD CONSTRAINT "invitation_devices_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_campaign_body_fk" FOREIGN KEY ("campaign_id","body_code") REFERENCES "public"."campaign_bodies"("campaign_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_campaign_body_fk" FOREIGN KEY ("campaign_id","body_code") REFERENCES "public"."campaign_bodies"("campaign_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "flags" ADD CONSTRAINT "flags_campaign_body_fk" FOREIGN KEY ("campaign_id","body_code") REFERENCES "public"."campaign_bodies"("campaign_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_campaign_idx" ON "audit_log" USING btree ("campaign_id","body_code");--> statement-breakpoint
CREATE INDEX "respondents_body_group_idx" ON "respondents" USING btree ("campaign_id","body_code","group_code");--> statement-breakpoint
CREATE INDEX "respondents_email_idx" ON "respondents" USING btree ("campaign_id","email_norm");--> statement-breakpoint
CREATE INDEX "respondents_phone_idx" ON "respondents" USING btree ("campaign_id","phone_norm");--> statement-breakpoint
CREATE INDEX "respondents_merged_into_idx" ON "respondents" USING btree ("merged_into");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_hash_idx" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_person_idx" ON "invitations" USING btree ("campaign_id","body_code","email_norm");--> statement-breakpoint
CREATE INDEX "invitations_body_status_idx" ON "invitations" USING btree ("campaign_id","body_code","status");--> statement-breakpoint
CREATE INDEX "invitations_respondent_idx" ON "invitations" USING btree ("respondent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_message_id_idx" ON "outbox" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "outbox" USING btree ("next_attempt_at") WHERE "outbox"."status" in ('queued', 'sending');--> statement-breakpoint
CREATE INDEX "outbox_invitation_idx" ON "outbox" USING btree ("invitation_id");--> statement-breakpoint
CREATE INDEX "reminder_runs_campaign_idx" ON "reminder_runs" USING btree ("campaign_id","body_code","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_runs_schedule_idx" ON "reminder_runs" USING btree ("campaign_id","label") WHERE "reminder_runs"."kind" = 'schedule';--> statement-breakpoint
CREATE INDEX "reports_body_idx" ON "reports" USING btree ("campaign_id","body_code");--> statement-breakpoint
CREATE INDEX "responses_body_group_idx" ON "responses" USING btree ("campaign_id","body_code","group_code");--> statement-breakpoint
CREATE UNIQUE INDEX "flags_fingerprint_idx" ON "flags" USING btree ("campaign_id","fingerprint");--> statement-breakpoint
CREATE INDEX "flags_body_idx" ON "flags" USING btree ("campaign_id","body_code","status");