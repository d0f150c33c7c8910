app_name = "shopping"

urlpatterns: list = []
