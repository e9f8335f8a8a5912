"""Provider callbacks: SendGrid's Event Webhook and Twilio's status callback update
deliveries, campaign metrics and suppressions."""
