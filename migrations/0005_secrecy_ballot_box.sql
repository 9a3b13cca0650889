CREATE TABLE "ballot_box" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text NOT NULL,
	"sealed" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mixing_settings" (
	"campaign_id" text PRIMARY KEY NOT NULL,
	"k" smallint DEFAULT 5 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submission_counts" (
	"campaign_id" text NOT NULL,
	"body_code" text NOT NULL,
	"group_code" text NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	"shard" smallint NOT NULL,
	"n" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "submission_counts_campaign_id_body_code_group_code_bucket_shard_pk" PRIMARY KEY("campaign_id","body_code","group_code","bucket","shard")
);
--> statement-breakpoint
CREATE TABLE "submit_receipts" (
	"invitation_id" uuid PRIMARY KEY NOT NULL,
	"key_hash" "bytea" NOT NULL
);
--> statement-breakpoint
DROP TABLE "progress_daily" CASCADE;--> statement-breakpoint
ALTER TABLE "drafts" ADD COLUMN "active_seconds" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "device_key" text;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "form_loaded" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "ballot_box" ADD CONSTRAINT "ballot_box_campaign_body_fk" FOREIGN KEY ("campaign_id","body_code") REFERENCES "public"."campaign_bodies"("campaign_id","code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mixing_settings" ADD CONSTRAINT "mixing_settings_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submit_receipts" ADD CONSTRAINT "submit_receipts_invitation_id_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "public"."invitations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ballot_box_cell_idx" ON "ballot_box" USING btree ("campaign_id","body_code","group_code");--> statement-breakpoint
ALTER TABLE "invitations" DROP COLUMN "completed_on";--> statement-breakpoint
ALTER TABLE "responses" DROP COLUMN "devices_seen";