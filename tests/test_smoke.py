from kt1desk.services import intake, items


def test_a_clerk_accepts_an_item_and_finds_it_again(demo_store, clerk):
    accepted = intake.intake(demo_store, clerk, sender="TUDLK", recipient="VPCP", kind="thu", weight_g="1,5 kg")
    found = items.get_item(demo_store, accepted.item["id"].lower())
    assert found["recipient_name"] == "Văn phòng Chính phủ"
    assert found["weight_g"] == 1500
