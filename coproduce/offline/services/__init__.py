"""Every write in the offline app goes through these modules."""
