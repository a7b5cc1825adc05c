<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AgencyDialog</name>
    <message>
        <location filename="../../kt1desk/qt/directory_page.py" line="+112"/>
        <source>Sửa cơ quan</source>
        <translation>Edit agency</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Thêm cơ quan</source>
        <translation>Add agency</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phụ lục</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mã bưu chính</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khu vực</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người nhận ngoài giờ</source>
        <translation>After-hours contact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điện thoại ngoài giờ</source>
        <translation>After-hours phone</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hiệu lực từ</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hiệu lực đến</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mã cơ quan kế thừa</source>
        <translation>Successor agency code</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>I — miễn cước (ngân sách trung ương)</source>
        <translation>I — free (central budget)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>II — trả cước (ngân sách địa phương)</source>
        <translation>II — pays (local budget)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TW — văn phòng Trung ương, miễn cước</source>
        <translation>TW — central office, free</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nội thành</source>
        <translation>inner city</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ngoại thành</source>
        <translation>suburban</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>dd/mm/yyyy, để trống nếu không có</source>
        <translation>dd/mm/yyyy, empty if none</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <location line="+64"/>
        <source>Danh bạ</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Đã nhập danh bạ: thêm {added}, sửa {changed}, không đổi {unchanged}.</source>
        <translation>Directory imported: {added} added, {changed} changed, {unchanged} unchanged.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang nhập danh bạ…</source>
        <translation>Importing the directory…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Đã nạp bảng cước áp dụng từ {day}.</source>
        <translation>Tariff loaded, in force from {day}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang nạp bảng cước…</source>
        <translation>Loading the tariff…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>&amp;Lọc</source>
        <translation>Fi&amp;lter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mã, tên, tỉnh… không cần dấu, ví dụ: tinh uy</source>
        <translation>Code, name, province… diacritics optional, e.g. tinh uy</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>I · miễn cước</source>
        <translation>I · free</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>II · trả cước</source>
        <translation>II · pays</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TW · miễn cước</source>
        <translation>TW · free</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nội thành</source>
        <translation>inner city</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ngoại thành</source>
        <translation>suburban</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>từ {day}</source>
        <translation>from {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đến {day}</source>
        <translation>until {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kế thừa: {code}</source>
        <translation>successor: {code}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Phụ lục</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khu vực</source>
        <translation>Zone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận ngoài giờ</source>
        <translation>After-hours contact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hiệu lực</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Thêm cơ quan…</source>
        <translation>&amp;Add agency…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sửa…</source>
        <translation>&amp;Edit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Nhập từ tệp CSV…</source>
        <translation>&amp;Import from CSV file…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Chỉ xem. Kiểm soát viên sửa danh bạ.</source>
        <translation>Read only. Supervisors edit the directory.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cơ quan</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Tên đăng nhập</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đang dùng</source>
        <translation>active</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đã khóa</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tạo lúc</source>
        <translation>Created</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Thêm &amp;người dùng…</source>
        <translation>Add &amp;user…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Khóa / mở khóa</source>
        <translation>&amp;Disable / enable</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Chỉ xem. Quản trị quản lý người dùng.</source>
        <translation>Read only. Admins manage users.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Người dùng</source>
        <translation>Users</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Áp dụng từ</source>
        <translation>In force from</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MẪU — không chính thức</source>
        <translation>SAMPLE — not official</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chính thức</source>
        <translation>official</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội tỉnh</source>
        <translation>Within province</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Liên tỉnh</source>
        <translation>Between provinces</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nạp &amp;bảng cước từ tệp CSV…</source>
        <translation>Load &amp;tariff from CSV file…</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Chỉ xem. Kiểm soát viên nạp bảng cước.</source>
        <translation>Read only. Supervisors load tariffs.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bảng cước</source>
        <translation>Tariffs</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{shown} / {total} cơ quan</source>
        <translation>{shown} / {total} agencies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{total} cơ quan</source>
        <translation>{total} agencies</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chọn tệp danh bạ CSV</source>
        <translation>Choose a directory CSV file</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Tệp CSV (*.csv);;Mọi tệp (*)</source>
        <translation>CSV files (*.csv);;All files (*)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Chọn tệp bảng cước CSV</source>
        <translation>Choose a tariff CSV file</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ngày áp dụng bảng cước</source>
        <translation>Tariff start date</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Áp dụng cho bưu gửi nhận từ ngày</source>
        <translation>Applies to items accepted from</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tên bảng cước</source>
        <translation>Tariff name</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>trên {low} g đến {high} g</source>
        <translation>over {low} g up to {high} g</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đến {high} g</source>
        <translation>up to {high} g</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Phụ phí Hỏa tốc</source>
        <translation>Hỏa tốc surcharge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phụ phí Hẹn giờ</source>
        <translation>Hẹn giờ surcharge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phụ phí mật (A, B, C)</source>
        <translation>Secrecy surcharge (A, B, C)</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../kt1desk/qt/intake_page.py" line="+97"/>
        <source>Nhận gửi</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>Không mật</source>
        <translation>Not secret</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>Kiểm tra niêm phong rồi đánh dấu «Niêm phong nguyên vẹn»; niêm phong không nguyên vẹn thì bưu gửi bị từ chối.</source>
        <translation>Check the seal, then tick “Seal intact”; an item whose seal is not intact is refused.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nhập đủ thông tin để tính cước.</source>
        <translation>Fill in the form to see the fee.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+34"/>
        <source>Miễn cước</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>cước chính</source>
        <translation>base fee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hỏa tốc</source>
        <translation>Hỏa tốc (urgent)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+17"/>
        <source>Hẹn giờ</source>
        <translation>Hẹn giờ (timed)</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>mật</source>
        <translation>secret</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Theo bảng cước MẪU, chưa phải bảng cước chính thức.</source>
        <translation>From the SAMPLE tariff, not the official one.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(J: ngày làm việc kế tiếp)</source>
        <translation>(J: the next working day)</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../../ui/intake_page.ui" line="+162"/>
        <source>Bưu gửi vừa nhận</source>
        <translation>Item just accepted</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mật {letter}: chuyển đi ngay bằng xe riêng.</source>
        <translation>Secret {letter}: leaves at once in a dedicated vehicle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đang in nhãn và biên nhận…</source>
        <translation>Printing label and receipt…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đã từ chối nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối</source>
        <translation>Refuse</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Niêm phong không nguyên vẹn</source>
        <translation>Seal not intact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bưu gửi mật {letter} có niêm phong không nguyên vẹn sẽ bị TỪ CHỐI NHẬN và việc từ chối được ghi lại.

Từ chối nhận bưu gửi này?</source>
        <translation>A secret item {letter} whose seal is not intact is REFUSED and the refusal is recorded.

Refuse this item?</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chưa in được nhãn và biên nhận. Bưu gửi đã được nhận; in lại ở mục Tra cứu.</source>
        <translation>Label and receipt not printed yet. The item is accepted; reprint them from Lookup.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhãn</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chưa in được: {papers}. Bưu gửi đã được nhận; in lại ở mục Tra cứu.</source>
        <translation>Not printed: {papers}. The item is accepted; reprint from Lookup.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã in nhãn và biên nhận.</source>
        <translation>Label and receipt printed.</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.ui" line="-143"/>
        <source>0,0,1</source>
        <translation>0,0,1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan &amp;gửi</source>
        <translation>&amp;Sender</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Mã hoặc tên, ví dụ: tinh uy</source>
        <translation>Code or name, e.g. tinh uy</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cơ quan &amp;nhận</source>
        <translation>&amp;Recipient</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mã hoặc tên, ví dụ: van phong chinh phu</source>
        <translation>Code or name, e.g. van phong chinh phu</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Loại</source>
        <translation>&amp;Kind</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Khối lượng</source>
        <translation>&amp;Weight</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>ví dụ 250 hoặc 1,5</source>
        <translation>e.g. 250 or 1,5</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Số k&amp;iện</source>
        <translation>P&amp;ieces</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1</source>
        <translation>1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Độ &amp;mật</source>
        <translation>Secrec&amp;y</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Niêm &amp;phong nguyên vẹn</source>
        <translation>Sea&amp;l intact</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Hỏa tốc</source>
        <translation>&amp;Hỏa tốc (urgent)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn giờ phá&amp;t</source>
        <translation>&amp;Timed delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>dd/MM/yyyy HH:mm</source>
        <translation>dd/MM/yyyy HH:mm</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Nhập bù</source>
        <translation>Back entry</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Thời điểm nhận đã &amp;qua</source>
        <translation>&amp;Earlier acceptance time</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lưu và in   (Ctrl+Enter)</source>
        <translation>Save and print   (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập lại   (Esc)</source>
        <translation>Clear   (Esc)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cước</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+3"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Phạm vi</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hạn phát</source>
        <translation>Delivery deadline</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../kt1desk/qt/item_dialog.py" line="+38"/>
        <source>Bưu gửi {id}</source>
        <translation>Item {id}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Diễn biến</source>
        <translation>Events</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Việc</source>
        <translation>Event</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người làm</source>
        <translation>By</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+69"/>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In lại &amp;nhãn</source>
        <translation>Reprint &amp;label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In lại &amp;biên nhận</source>
        <translation>Reprint &amp;receipt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Miễn cước</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nội tỉnh</source>
        <translation>within the province</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(nhập bù lúc {when})</source>
        <translation>(back-entered at {when})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ nhận</source>
        <translation>Recipient address</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khối lượng</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số kiện</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>không mật</source>
        <translation>not secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Niêm phong nguyên vẹn</source>
        <translation>Seal intact</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hỏa tốc</source>
        <translation>Hỏa tốc (urgent)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn giờ</source>
        <translation>Hẹn giờ (timed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phạm vi</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời điểm nhận</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hạn phát</source>
        <translation>Delivery deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cước</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao dịch viên</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Số lần in</source>
        <translation>Times printed</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>nhãn {label}, biên nhận {receipt}</source>
        <translation>label {label}, receipt {receipt}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bưu gửi mật: chờ chuyển đi ngay bằng xe riêng.</source>
        <translation>Secret item: waiting to leave at once in a dedicated vehicle.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Nhãn</source>
        <translation>label</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Biên nhận</source>
        <translation>receipt</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Không in được {paper}: {reason}</source>
        <translation>Could not print the {paper}: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã hủy in.</source>
        <translation>Printing cancelled.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã in {paper} (lần {count}).</source>
        <translation>Printed the {paper} (time {count}).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nhận gửi</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In nhãn</source>
        <translation>Print label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In biên nhận</source>
        <translation>Print receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>nhập bù</source>
        <translation>back entry</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lần {n}</source>
        <translation>time {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bản sao</source>
        <translation>copy</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../kt1desk/qt/lock.py" line="+53"/>
        <source>Người dùng: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <location filename="../../ui/lock_panel.ui" line="+6"/>
        <location line="+6"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Công việc đang làm vẫn được giữ nguyên. Nhập mật khẩu để tiếp tục.</source>
        <translation>Your work in progress is kept as it is. Type your password to go on.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Mật khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../kt1desk/qt/login.py" line="+59"/>
        <source>KT1 Desk — Đăng nhập</source>
        <translation>KT1 Desk — Log in</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../ui/login_dialog.ui" line="+6"/>
        <location line="+103"/>
        <source>Đăng nhập</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Đăng nhập để làm việc tại quầy</source>
        <translation>Log in to work at the counter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Tên đăng nhập</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Mật khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>LookupPage</name>
    <message>
        <location filename="../../kt1desk/qt/lookup_page.py" line="+66"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Tra cứu</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Chọn một cơ quan trong danh sách gợi ý.</source>
        <translation>Choose an agency from the suggestions.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Hỏa tốc</source>
        <translation>Hỏa tốc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hẹn giờ</source>
        <translation>Hẹn giờ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Số hiệu</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận lúc</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khối lượng</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dịch vụ</source>
        <translation>Service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cước</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Miễn</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hạn phát</source>
        <translation>Delivery deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>{shown} / {total} bưu gửi</source>
        <translation>{shown} / {total} items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{total} bưu gửi</source>
        <translation>{total} items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(mới nhất; thu hẹp điều kiện để xem thêm)</source>
        <translation>(newest; narrow the search to see more)</translation>
    </message>
    <message>
        <location filename="../../ui/lookup_page.ui" line="+15"/>
        <source>&amp;Tìm</source>
        <translation>&amp;Find</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số hiệu, mã hoặc tên cơ quan (không cần dấu)</source>
        <translation>Item id, agency code or name (diacritics optional)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cơ quan</source>
        <translation>&amp;Agency</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Gửi hoặc nhận, ví dụ: so y te</source>
        <translation>Sender or recipient, e.g. so y te</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>T&amp;rạng thái</source>
        <translation>Stat&amp;us</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Ngày</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+2"/>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Lọc</source>
        <translation>Fi&amp;lter</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lọc trong kết quả đang hiện</source>
        <translation>Filter the results shown</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Enter hoặc nhấp đúp để xem bưu gửi. Quét mã vạch ở bất kỳ đâu cũng mở bưu gửi đó.</source>
        <translation>Enter or double-click to view an item. Scanning a barcode anywhere opens that item.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kt1desk/qt/main_window.py" line="+201"/>
        <source>Nhận gửi</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tra cứu</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Danh bạ</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ca làm việc</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Túi thư</source>
        <translation>Bags</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phát</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 (phím tắt Ctrl+%2)</source>
        <translation>%1 (shortcut Ctrl+%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sắp có</source>
        <translation>Coming later</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — sắp có</source>
        <translation>%1 — coming later</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cài đặt…</source>
        <translation>Settings…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngôn ngữ, thời gian tự khóa (Ctrl+,)</source>
        <translation>Language, idle lock time (Ctrl+,)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa màn hình</source>
        <translation>Lock screen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa ngay (Ctrl+L)</source>
        <translation>Lock now (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Chưa có trang tra cứu để mở %1.</source>
        <translation>No lookup page yet to open %1.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Đã nhận %1.</source>
        <translation>Accepted %1.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Quầy %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Ngày lễ: %1</source>
        <translation>Public holiday: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngoài giờ hành chính</source>
        <translation>After hours</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chưa đồng bộ: %1 bản ghi</source>
        <translation>Not synced: %1 records</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Có thông tin đang nhập dở chưa lưu (%1). Vẫn thoát chương trình?</source>
        <translation>Some input is not saved yet (%1). Quit anyway?</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location line="-310"/>
        <source>Trang này chưa có trong bản này.</source>
        <translation>This page is not in this version yet.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kt1desk/qt/settings_dialog.py" line="+23"/>
        <source>KT1 Desk — Cài đặt</source>
        <translation>KT1 Desk — Settings</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Thời gian tự khóa áp dụng cho mọi quầy của bưu cục.</source>
        <translation>The idle lock time applies to every counter of the office.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chỉ kiểm soát viên hoặc quản trị được đổi thời gian tự khóa.</source>
        <translation>Only a supervisor or admin may change the idle lock time.</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/settings_dialog.ui" line="+6"/>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Vài danh sách (loại bưu gửi, trạng thái…) đổi ngôn ngữ khi mở lại chương trình.</source>
        <translation>Some lists (item kinds, statuses…) change language when the program is opened again.</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>&amp;Ngôn ngữ giao diện</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Khóa màn hình sau (phút không dùng)</source>
        <translation>Loc&amp;k the screen after (idle minutes)</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <location filename="../../kt1desk/qt/setup_dialog.py" line="+43"/>
        <source>KT1 Desk — Khởi tạo bưu cục</source>
        <translation>KT1 Desk — Set up the office</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Mã quầy: 1–20 chữ không dấu, số hoặc gạch, ví dụ Q01.</source>
        <translation>Counter code: 1–20 letters without diacritics, digits or dashes, e.g. Q01.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Dữ liệu thử dùng mật khẩu bạn nhập cho mọi tài khoản thử: hãy nhập mật khẩu trước.</source>
        <translation>The demo data uses the password you type for every demo account: type a password first.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đang tạo dữ liệu thử…</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <location filename="../../kt1desk/qt/app.py" line="+119"/>
        <source>Dữ liệu thử có ba tài khoản: admin (quản trị), giamsat (kiểm soát viên), gdv1 (giao dịch viên), cùng mật khẩu bạn vừa nhập.</source>
        <translation>The demo data has three accounts: admin (admin), giamsat (supervisor), gdv1 (clerk), all with the password you just typed.</translation>
    </message>
</context>
<context>
    <name>SetupForm</name>
    <message>
        <location filename="../../ui/setup_dialog.ui" line="+6"/>
        <source>Khởi tạo bưu cục</source>
        <translation>Set up the office</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cơ sở dữ liệu này còn trống. Nhập thông tin bưu cục, quầy của máy này và tài khoản quản trị — hoặc chọn «Dùng dữ liệu thử» để xem thử chương trình với dữ liệu mẫu (mọi tài khoản thử dùng mật khẩu bạn nhập ở mục Tài khoản quản trị).</source>
        <translation>This database is empty. Enter the office, this machine&apos;s counter and the admin account — or choose “Use demo data” to try the program with sample data (every demo account uses the password you type under Admin account).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Bưu cục</source>
        <translation>Office</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mã &amp;bưu cục</source>
        <translation>&amp;Office code</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ví dụ BDDLK</source>
        <translation>e.g. BDDLK</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Tên bưu cục</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ví dụ Bưu điện tỉnh Đắk Lắk</source>
        <translation>e.g. Bưu điện tỉnh Đắk Lắk</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ví dụ Đắk Lắk</source>
        <translation>e.g. Đắk Lắk</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mã bưu chính</source>
        <translation>Postal code</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>5 chữ số, ví dụ 63000</source>
        <translation>5 digits, e.g. 63000</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Mã dịch vụ S10</source>
        <translation>S10 service indicator</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>hai chữ cái, ví dụ DK</source>
        <translation>two letters, e.g. DK</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Quầy giao dịch của máy này</source>
        <translation>This machine&apos;s counter</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mã &amp;quầy</source>
        <translation>&amp;Counter code</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Tên đăng &amp;nhập</source>
        <translation>Lo&amp;gin</translation>
    </message>
    <message>
        <location line="+165"/>
        <source>Dùng &amp;dữ liệu thử</source>
        <translation>Use &amp;demo data</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>ví dụ Q01</source>
        <translation>e.g. Q01</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Tên quầy</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ví dụ Quầy 1</source>
        <translation>e.g. Quầy 1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Số hiệu đầu dải</source>
        <translation>First serial of the block</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+36"/>
        <source>8 chữ số</source>
        <translation>8 digits</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Số hiệu cuối dải</source>
        <translation>Last serial of the block</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Tài khoản quản trị</source>
        <translation>Admin account</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>chữ không dấu, ví dụ admin</source>
        <translation>letters without diacritics, e.g. admin</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ví dụ Nguyễn Văn An</source>
        <translation>e.g. Nguyễn Văn An</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>ít nhất 6 ký tự</source>
        <translation>at least 6 characters</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Nhập lại mật khẩu</source>
        <translation>Password again</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Khởi tạo</source>
        <translation>Set up</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../kt1desk/qt/sync_page.py" line="+123"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đồng bộ với tỉnh</source>
        <translation>Sync with the province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi nhận:</source>
        <translation>Destination:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỉnh đã xác nhận:</source>
        <translation>Confirmed by the province:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lần gửi gần nhất:</source>
        <translation>Last attempt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gói của tỉnh:</source>
        <translation>Province bundle:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khóa của quầy:</source>
        <translation>Counter&apos;s key:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qua USB (không cần mạng)</source>
        <translation>By USB stick (no network needed)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xuất gói ra thư mục…</source>
        <translation>Export a bundle to a folder…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi mọi bản ghi tỉnh chưa xác nhận vào một tệp, ví dụ trên USB</source>
        <translation>Write every entry the province has not confirmed into one file, e.g. on a USB stick</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận biên nhận của tỉnh…</source>
        <translation>Apply the province&apos;s receipt…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Áp dụng gói của tỉnh…</source>
        <translation>Apply a province bundle…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Danh bạ, bảng cước và lịch làm việc do tỉnh ký</source>
        <translation>Directory, tariff and working calendar signed by the province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Qua mạng</source>
        <translation>Over the network</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ dịch vụ:</source>
        <translation>Service address:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gửi ngay</source>
        <translation>Send now</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao chép dòng khóa của quầy</source>
        <translation>Copy the counter&apos;s key line</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập dòng khóa của tỉnh…</source>
        <translation>Enter the province&apos;s key line…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Chưa gửi lên tỉnh: %1 bản ghi</source>
        <translation>Not yet at the province: %1 entries</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tỉnh đã nhận đủ mọi bản ghi của quầy.</source>
        <translation>The province has every entry of this counter.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tỉnh %1</source>
        <translation>Province %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đến bản ghi số %1, lúc %2</source>
        <translation>up to entry %1, at %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <source>chưa lần nào</source>
        <translation>never</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1 — lỗi: %2</source>
        <translation>%1 — error: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 — thành công</source>
        <translation>%1 — succeeded</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>số %1, áp dụng lúc %2</source>
        <translation>number %1, applied at %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>chưa có khóa của tỉnh: nhờ quản trị nhập dòng khóa của tỉnh</source>
        <translation>no province key yet: ask an admin to enter the province&apos;s key line</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chưa áp dụng gói nào</source>
        <translation>none applied yet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>chưa có</source>
        <translation>none yet</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Chọn thư mục (USB) để ghi gói</source>
        <translation>Choose the folder (USB stick) for the bundle</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Không có gì cần gửi: tỉnh đã nhận đủ.</source>
        <translation>Nothing to send: the province has everything.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã ghi %1 bản ghi vào %2. Mang tệp này lên tỉnh; khi có biên nhận, bấm «Nhận biên nhận của tỉnh».</source>
        <translation>Wrote %1 entries to %2. Take this file to the province; when the receipt comes back, press “Apply the province&apos;s receipt”.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nhập địa chỉ dịch vụ đồng bộ của tỉnh trước.</source>
        <translation>Type the address of the province&apos;s sync service first.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã gửi %1 bản ghi; tỉnh đã xác nhận tất cả.</source>
        <translation>Sent %1 entries; the province confirmed them all.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã gửi %1 bản ghi; còn %2 chưa gửi.</source>
        <translation>Sent %1 entries; %2 still to send.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chọn biên nhận của tỉnh</source>
        <translation>Choose the province&apos;s receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Gói KT1 (*.kt1b);;Mọi tệp (*)</source>
        <translation>KT1 bundles (*.kt1b);;All files (*)</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Biên nhận này đã cũ: không thay đổi gì.</source>
        <translation>This receipt is out of date: nothing changed.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tỉnh đã xác nhận đến bản ghi số %1.</source>
        <translation>The province confirmed up to entry %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn gói của tỉnh</source>
        <translation>Choose the province bundle</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Gói số %1 của tỉnh đã được áp dụng trước đây: không thay đổi gì.</source>
        <translation>Province bundle %1 was applied before: nothing changed.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã áp dụng gói số %1 của tỉnh: %2 cơ quan, %3 bảng cước, %4 ngày hoán đổi thay đổi.</source>
        <translation>Province bundle %1 applied: %2 agencies, %3 tariffs, %4 swapped days changed.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đã sao chép dòng khóa của quầy: gửi cho tỉnh để đăng ký.</source>
        <translation>The counter&apos;s key line is copied: send it to the province to register.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Khóa của tỉnh</source>
        <translation>Province key</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dán dòng khóa của tỉnh (bắt đầu bằng kt1desk-key/1):</source>
        <translation>Paste the province&apos;s key line (it starts with kt1desk-key/1):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Quầy đã tin cậy khóa %1 của tỉnh.</source>
        <translation>This counter now trusts the province key %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tỉnh đang giữ các bản ghi mà quầy này không còn (từ số %1): quầy đã được khôi phục từ bản sao lưu cũ. Không gộp gì; các số hiệu tỉnh đã thấy sẽ không được cấp lại. Quầy tiếp tục với khóa mới %2: bấm «Sao chép dòng khóa của quầy» và gửi cho tỉnh đăng ký.</source>
        <translation>The province holds entries this counter no longer has (from entry %1): the counter was restored from an old backup. Nothing was merged; serial numbers the province saw will not be issued again. The counter continues with a new key %2: press “Copy the counter&apos;s key line” and send it to the province to register.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../kt1desk/qt/directory_page.py" line="-323"/>
        <source>Thêm người dùng</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tên đăng nhập</source>
        <translation>Login</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vai trò</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location line="-90"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
