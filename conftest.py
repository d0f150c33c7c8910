pytest_plugins = ["coproduce.testing.smtp"]
