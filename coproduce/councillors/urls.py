app_name = "councillors"

urlpatterns: list = []
