app_name = "yousaid"

urlpatterns: list = []
