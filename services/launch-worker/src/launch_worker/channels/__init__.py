"""Channel adapters: one small interface (`ChannelAdapter`) per way a message leaves."""
