ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_webhook_id_notification_webhooks_id_fk";--> statement-breakpoint
ALTER TABLE "notification_deliveries" DROP COLUMN "webhook_id";--> statement-breakpoint
DROP TABLE "notification_webhooks";
