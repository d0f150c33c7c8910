"""Pages for registering people who are not online and acting for them."""
