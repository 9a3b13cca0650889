ALTER TABLE "seals" DROP CONSTRAINT "seals_pkey";--> statement-breakpoint
ALTER TABLE "seals" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "seals" ADD CONSTRAINT "seals_campaign_id_version_pk" PRIMARY KEY("campaign_id","version");--> statement-breakpoint
ALTER TABLE "seals" ADD COLUMN "scores" text;--> statement-breakpoint
ALTER TABLE "seals" ADD COLUMN "sealed_by" text;--> statement-breakpoint
ALTER TABLE "seals" ADD COLUMN "unsealed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "seals" ADD COLUMN "unsealed_by" text;--> statement-breakpoint
ALTER TABLE "seals" ADD COLUMN "unseal_reason" text;
