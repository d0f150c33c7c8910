from django.urls import path

from .views import funding, items

app_name = "sharing"

urlpatterns = [
    path("", items.item_list, name="item_list"),
    path("new/", items.item_create, name="item_create"),
    path("mine/", items.my_items, name="my_items"),
    path("reserved/", items.my_reservations, name="my_reservations"),
    path("items/<int:pk>/", items.item_detail, name="item_detail"),
    path("items/<int:pk>/edit/", items.item_edit, name="item_edit"),
    path("items/<int:pk>/reply/", items.item_reply, name="item_reply"),
    path(
        "items/<int:pk>/photos/<int:photo_pk>/remove/",
        items.photo_remove,
        name="photo_remove",
    ),
    path(
        "items/<int:pk>/replies/<int:reply_pk>/<str:answer>/",
        items.reply_answer,
        name="reply_answer",
    ),
    path("items/<int:pk>/<str:action>/", items.item_action, name="item_action"),
    path("funding/", funding.funding_list, name="funding_list"),
    path("funding/new/", funding.funding_create, name="funding_create"),
    path("funding/following/", funding.funding_following, name="funding_following"),
    path("funding/<int:pk>/", funding.funding_detail, name="funding_detail"),
    path("funding/<int:pk>/edit/", funding.funding_edit, name="funding_edit"),
    path("funding/<int:pk>/follow/", funding.funding_follow, name="funding_follow"),
    path("funding/<int:pk>/unfollow/", funding.funding_unfollow, name="funding_unfollow"),
    path("funding/<int:pk>/applications/", funding.application_record, name="application_record"),
    path("funding/applications/<int:pk>/", funding.application_edit, name="application_edit"),
]
