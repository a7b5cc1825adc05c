<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="vi_VN">
<context>
    <name>AgencyDialog</name>
    <message>
        <location filename="../../kt1desk/qt/directory_page.py" line="+91"/>
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
        <location line="+1"/>
        <source>Thanh toán</source>
        <translation>Billing</translation>
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
        <location line="+1"/>
        <source>tiền mặt tại quầy</source>
        <translation>cash at the counter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ghi nợ, thanh toán theo tháng</source>
        <translation>monthly account</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>dd/mm/yyyy, để trống nếu không có</source>
        <translation>dd/mm/yyyy, empty if none</translation>
    </message>
</context>
<context>
    <name>ArrivalTab</name>
    <message>
        <location filename="../../kt1desk/qt/arrival_tab.py" line="+37"/>
        <source>Số hiệu túi hoặc chuyến thư</source>
        <translation>Bag or dispatch id</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>quét nhãn túi, hoặc gõ T-… / CT-… rồi Enter</source>
        <translation>scan the bag label, or type T-… / CT-… and Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Mở</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Nạp tệp chuyến thư…</source>
        <translation>&amp;Import dispatch file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nạp tệp chuyến thư do bưu cục gửi ghi ra (đã ký), rồi kiểm túi</source>
        <translation>Import the signed dispatch file the sending office wrote, then check its bags</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>quét từng bưu gửi lấy ra khỏi túi (hoặc gõ số hiệu rồi Enter)</source>
        <translation>scan each item taken out of the bag (or type its id and Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đánh dấu / bỏ &amp;hư hỏng</source>
        <translation>Mark / unmark &amp;damaged</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Số hiệu</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Túi</source>
        <translation>Bag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(không có ở bưu cục này)</source>
        <translation>(not known at this office)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kiểm</source>
        <translation>Check</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hư hỏng</source>
        <translation>Damaged</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HƯ HỎNG</source>
        <translation>DAMAGED</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Lập biên bản và in…</source>
        <translation>&amp;Record and print…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Bỏ</source>
        <translation>&amp;Discard</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>THỪA</source>
        <translation>EXTRA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>✓ đã quét</source>
        <translation>✓ scanned</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>chưa quét</source>
        <translation>not scanned</translation>
    </message>
    <message>
        <location line="+17"/>
        <source> · chuyến thư {id}</source>
        <translation> · dispatch {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang kiểm: {bags}{via} — {n} bưu gửi trong bảng kê</source>
        <translation>Checking: {bags}{via} — {n} items on the manifest</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+135"/>
        <source>Quét từng bưu gửi lấy ra khỏi túi.</source>
        <translation>Scan each item taken out of the bag.</translation>
    </message>
    <message>
        <location line="-114"/>
        <source>{id} không có trong bảng kê: ghi THỪA.</source>
        <translation>{id} is not on the manifest: recorded as EXTRA.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{id} đã quét rồi.</source>
        <translation>{id} was already scanned.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã kiểm {id}.</source>
        <translation>{id} checked.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Chọn bưu gửi hư hỏng trong danh sách.</source>
        <translation>Choose the damaged item in the list.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đã quét {done}/{total} · thiếu {missing} · thừa {extra} · hư hỏng {damaged}</source>
        <translation>Scanned {done}/{total} · missing {missing} · extra {extra} · damaged {damaged}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Biên bản {id}: đã nhận {n}</source>
        <translation>Record {id}: {n} received</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>THIẾU {ids}</source>
        <translation>MISSING {ids}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>THỪA {ids}</source>
        <translation>EXTRA {ids}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HƯ HỎNG {ids}</source>
        <translation>DAMAGED {ids}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Biên bản nhận túi</source>
        <translation>Receipt record</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ký và in biên bản</source>
        <translation>Sign and print the record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bên giao</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bên nhận</source>
        <translation>Received by</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Đã in biên bản.</source>
        <translation>Record printed.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa in biên bản.</source>
        <translation>Record not printed.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chọn tệp chuyến thư</source>
        <translation>Choose a dispatch file</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp chuyến thư KT1 (*.kt1b);;Mọi tệp (*)</source>
        <translation>KT1 dispatch files (*.kt1b);;All files (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lập biên bản hoặc bỏ túi đang kiểm trước đã.</source>
        <translation>Record or drop the bag being checked first.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chuyến thư {id} đã được nạp trước đây: không thay đổi gì.</source>
        <translation>Dispatch {id} was imported before: nothing changed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã nạp chuyến thư {id} của {origin}: {bags} túi, {n} bưu gửi.</source>
        <translation>Imported dispatch {id} from {origin}: {bags} bags, {n} items.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Quét nhãn túi đến (hoặc gõ số hiệu túi, chuyến thư) để bắt đầu kiểm.</source>
        <translation>Scan the label of an arriving bag (or type a bag or dispatch id) to start checking.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyến thư đã nạp, chờ nhận: {ids}</source>
        <translation>Imported dispatches waiting to be received: {ids}</translation>
    </message>
</context>
<context>
    <name>BagsPage</name>
    <message>
        <location filename="../../kt1desk/qt/bags_page.py" line="+352"/>
        <source>Túi đi</source>
        <translation>Outgoing bags</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyến thư</source>
        <translation>Dispatches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhận túi đến</source>
        <translation>Arriving bags</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Túi thư</source>
        <translation>Bags</translation>
    </message>
</context>
<context>
    <name>ChartsPanel</name>
    <message>
        <location filename="../../kt1desk/qt/report_charts.py" line="+47"/>
        <source>Biểu đồ hiện ra sau khi tính báo cáo.</source>
        <translation>The charts appear once the report is computed.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đang vẽ biểu đồ…</source>
        <translation>Drawing the charts…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Không vẽ được biểu đồ: %1</source>
        <translation>The charts could not be drawn: %1</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <location filename="../../kt1desk/qt/shift_page.py" line="+38"/>
        <source>Chốt ca {id}</source>
        <translation>Close shift {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca {id} của {name}: {count} bưu gửi. Sau khi chốt, ca không thay đổi được nữa.</source>
        <translation>Shift {id} of {name}: {count} items. Once closed, the shift cannot change.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tiền mặt phải có</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ví dụ 1.500.000 — để trống nếu không kiểm đếm</source>
        <translation>e.g. 1.500.000 — leave empty if not counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tiền mặt kiểm đếm</source>
        <translation>Cash counted</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bắt buộc khi có chênh lệch</source>
        <translation>required when there is a difference</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do chênh lệch</source>
        <translation>Reason for the difference</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chênh lệch</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chênh lệch được ghi đúng như khai, không bị đưa về 0.</source>
        <translation>The difference is recorded as declared, never forced to zero.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chốt ca và in báo cáo Z</source>
        <translation>Close and print the Z report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>không khai báo</source>
        <translation>not declared</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>không</source>
        <translation>none</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <location filename="../../kt1desk/qt/complaints_page.py" line="+42"/>
        <source>Ghi khiếu nại bằng văn bản</source>
        <translation>Record a written complaint</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>quét hoặc gõ số hiệu</source>
        <translation>scan or type the id</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>họ tên, cơ quan người khiếu nại</source>
        <translation>complainant&apos;s name and agency</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Ghi khiếu nại</source>
        <translation>&amp;Record complaint</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Bưu gửi</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+32"/>
        <source>Người khiếu nại</source>
        <translation>Complainant</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Nhận đơn lúc</source>
        <translation>Received on</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sổ khiếu nại</source>
        <translation>Complaints register</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chỉ khiếu nại còn phải trả lời</source>
        <translation>Only complaints still to answer</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+15"/>
        <source>Hạn trả lời</source>
        <translation>Answer within</translation>
    </message>
    <message>
        <location line="-11"/>
        <source> ngày</source>
        <translation> days</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mục tiêu của bưu cục; luật cho tối đa 2 tháng. Kiểm soát viên đổi được.</source>
        <translation>The office&apos;s target; the law allows at most 2 months. Supervisors can change it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhận đơn</source>
        <translation>Received</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bồi thường</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trả lời khiếu nại đã chọn (kiểm soát viên)</source>
        <translation>Answer the chosen complaint (supervisor)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>bồi thường, đồng</source>
        <translation>compensation, đồng</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nội dung trả lời</source>
        <translation>answer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi &amp;trả lời</source>
        <translation>Record &amp;answer</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Khiếu nại</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> (trả lời muộn)</source>
        <translation> (answered late)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QUÁ HẠN {n} ngày</source>
        <translation>LATE by {n} days</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>còn {n} ngày</source>
        <translation>{n} days left</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Đã ghi khiếu nại {id}; hạn trả lời {due}.</source>
        <translation>Complaint {id} recorded; answer due by {due}.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chọn khiếu nại cần trả lời.</source>
        <translation>Choose the complaint to answer.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã ghi trả lời khiếu nại {id}.</source>
        <translation>Answer to complaint {id} recorded.</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../kt1desk/qt/manifest_page.py" line="+367"/>
        <source>Điều chỉnh bảng kê {id}</source>
        <translation>Correct manifest {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bảng kê {id} đã chốt nên không sửa thẳng được. Bảng kê điều chỉnh là một bảng kê mới ghi rõ nó điều chỉnh {id} và vì sao.</source>
        <translation>Manifest {id} is closed and cannot be changed. A correcting manifest is a new manifest that says it corrects {id}, and why.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ví dụ: bưu gửi DK… trả lại cơ quan gửi</source>
        <translation>e.g. item DK… returned to the sender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lý do điều chỉnh</source>
        <translation>&amp;Reason for the correction</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đánh dấu bưu gửi cần bỏ khỏi bảng kê:</source>
        <translation>Tick the items to take off the manifest:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Số hiệu bưu gửi cần thêm (quét hoặc gõ), rồi Enter</source>
        <translation>Id of an item to add (scan or type), then Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Thêm</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Chốt luôn bảng kê điều chỉnh</source>
        <translation>Close the correcting manifest at once</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lập bảng kê điều chỉnh</source>
        <translation>Make the correcting manifest</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Thêm vào: {ids}</source>
        <translation>Added: {ids}</translation>
    </message>
    <message>
        <location filename="../../kt1desk/qt/correction_dialog.py" line="+22"/>
        <source>Điều chỉnh bưu gửi {id}</source>
        <translation>Correct item {id}</translation>
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
        <location line="+3"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Khối lượng (g)</source>
        <translation>Weight (g)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số kiện</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do điều chỉnh</source>
        <translation>Reason for the correction</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bắt buộc — ghi vào diễn biến của bưu gửi</source>
        <translation>required — goes into the item&apos;s history</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Điều chỉnh</source>
        <translation>Correct</translation>
    </message>
</context>
<context>
    <name>DeliverTab</name>
    <message>
        <location filename="../../kt1desk/qt/delivery_page.py" line="+42"/>
        <location line="+74"/>
        <source>Số hiệu</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>quét hoặc gõ số hiệu rồi Enter</source>
        <translation>scan or type the id and Enter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quét là giao đi phát ngay</source>
        <translation>Scanning sends out for delivery</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+62"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+64"/>
        <source>Hạn phát</source>
        <translation>Delivery deadline</translation>
    </message>
    <message>
        <location line="-63"/>
        <location line="+62"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Dấu hiệu</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lần phát không được</source>
        <translation>Failed attempts</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Việc</source>
        <translation>Actions</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>họ tên người đi phát</source>
        <translation>name of the carrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Giao đi phát</source>
        <translation>Send &amp;out</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người đi phát</source>
        <translation>Carrier</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Phát — ký nhận…</source>
        <translation>&amp;Deliver — signature…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Người nhận, chức danh</source>
        <translation>Receiver, role</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Phát &amp;không được</source>
        <translation>Delivery &amp;failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chuyển hoàn</source>
        <translation>&amp;Return to sender</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Chờ phát và đang đi phát</source>
        <translation>Waiting and out for delivery</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nơi nhận gửi</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tại đây</source>
        <translation>here</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Quét một bưu gửi, hoặc chọn trong danh sách dưới</source>
        <translation>Scan an item, or choose one in the list below</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nhận gửi tại {office}</source>
        <translation>accepted at {office}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hỏa tốc</source>
        <translation>Hỏa tốc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hẹn giờ {when}</source>
        <translation>Hẹn giờ {when}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(danh bạ chưa có người nhận ngoài giờ)</source>
        <translation>(no after-hours contact in the directory)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{why}: giao cho người nhận ngoài giờ của {agency}: {who} · {phone}</source>
        <translation>{why}: deliver to the after-hours contact of {agency}: {who} · {phone}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{id}: đã giao đi phát.</source>
        <translation>{id}: out for delivery.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{id}: đã phát.</source>
        <translation>{id}: delivered.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{id}: đã ghi phát không được; giao đi phát lại hoặc chuyển hoàn.</source>
        <translation>{id}: failed delivery recorded; send it out again or return it.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{id}: đã chuyển hoàn về người gửi.</source>
        <translation>{id}: returned to the sender.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Phát bưu gửi {id}</source>
        <translation>Deliver item {id}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ghi đã phát</source>
        <translation>Record delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{id} → {agency}</source>
        <translation>{id} → {agency}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chức danh</source>
        <translation>Role</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nhận</source>
        <translation>Receiver</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <location line="+81"/>
        <location line="+7"/>
        <source>Phát</source>
        <translation>Delivery</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Quá hạn</source>
        <translation>Overdue</translation>
    </message>
</context>
<context>
    <name>DirectoryPage</name>
    <message>
        <location filename="../../kt1desk/qt/directory_page.py" line="+67"/>
        <source>Danh bạ</source>
        <translation>Directory</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Đã nhập danh bạ: thêm {added}, sửa {changed}, không đổi {unchanged}.</source>
        <translation>Directory imported: {added} added, {changed} changed, {unchanged} unchanged.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Đang nhập danh bạ…</source>
        <translation>Importing the directory…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Đã nạp bảng cước áp dụng từ {day}.</source>
        <translation>Tariff loaded, in force from {day}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đây là bảng cước MẪU, không chính thức: cước tính theo bảng này có ghi MẪU.</source>
        <translation>This is the SAMPLE tariff, not an official one: fees priced by it are marked MẪU (sample).</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+54"/>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="-53"/>
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
        <location line="+13"/>
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
        <location line="+2"/>
        <source>Dùng bảng cước &amp;MẪU…</source>
        <translation>Use the &amp;sample tariff…</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location line="+32"/>
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
    <name>DispatchTab</name>
    <message>
        <location filename="../../kt1desk/qt/dispatch_tab.py" line="+32"/>
        <source>Túi đã niêm phong, chờ giao (chọn một hoặc nhiều túi)</source>
        <translation>Sealed bags waiting to leave (choose one or more)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Túi</source>
        <translation>Bag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi đến</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số niêm phong</source>
        <translation>Seal no.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+21"/>
        <source>Số BG</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Niêm phong lúc</source>
        <translation>Sealed at</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Giao các túi đã chọn…</source>
        <translation>&amp;Hand over the chosen bags…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Các chuyến thư đã giao</source>
        <translation>Dispatches handed over</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chuyến thư</source>
        <translation>Dispatches</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao lúc</source>
        <translation>Handed over at</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xe</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người nhận</source>
        <translation>Receiver</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số túi</source>
        <translation>Bags</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Xuất tệp chuyến thư…</source>
        <translation>E&amp;xport dispatch file…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ghi chuyến thư đã chọn vào tệp đã ký (ví dụ lên USB) cho bưu cục nhận</source>
        <translation>Write the selected dispatch to a signed file (onto a USB stick, say) for the receiving office</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In lại &amp;biên bản</source>
        <translation>Reprint the &amp;record</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chọn các túi cần giao.</source>
        <translation>Choose the bags to hand over.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đã giao chuyến thư {id}: {n} túi. {printed}</source>
        <translation>Dispatch {id} handed over: {n} bags. {printed}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Giao chuyến thư</source>
        <translation>Hand over a dispatch</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Giao và in biên bản</source>
        <translation>Hand over and print the record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao {n} túi: {bags}</source>
        <translation>Hand over {n} bags: {bags}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xe / phương tiện</source>
        <translation>Vehicle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bên giao</source>
        <translation>Handed over by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bên nhận chuyến thư</source>
        <translation>Receiver of the dispatch</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Chọn một chuyến thư đã giao.</source>
        <translation>Select a dispatch that was handed over.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn thư mục (USB) để ghi tệp chuyến thư</source>
        <translation>Choose the folder (USB stick) for the dispatch file</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{file} ({n} bưu gửi)</source>
        <translation>{file} ({n} items)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã ghi vào {folder}: {files}. Khóa ký {key}.</source>
        <translation>Written to {folder}: {files}. Signing key {key}.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đã in biên bản.</source>
        <translation>Record printed.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa in biên bản (in lại ở đây).</source>
        <translation>Record not printed (reprint it here).</translation>
    </message>
</context>
<context>
    <name>DrillDialog</name>
    <message>
        <location filename="../../kt1desk/qt/report_drill.py" line="+44"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lọc trong danh sách (số hiệu, tên cơ quan…)</source>
        <translation>Filter the list (item id, agency name…)</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Bồi thường</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Lúc</source>
        <translation>At</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>niêm phong không nguyên vẹn</source>
        <translation>seal not intact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người mang đến</source>
        <translation>Presented by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người từ chối</source>
        <translation>Refused by</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Số hiệu</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Nhận khiếu nại lúc</source>
        <translation>Lodged at</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Hạn trả lời</source>
        <translation>Answer due</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>đã trả lời</source>
        <translation>answered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>đang mở</source>
        <translation>open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trễ hạn</source>
        <translation>late</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phụ lục</source>
        <translation>Appendix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bưu gửi</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhận lúc</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Chỉ hiện %1 dòng đầu; thu hẹp kỳ báo cáo để xem hết.</source>
        <translation>Only the first %1 rows are shown; narrow the period to see them all.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 / %2 dòng</source>
        <translation>%1 / %2 rows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 dòng</source>
        <translation>%1 rows</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có gì trong danh sách.</source>
        <translation>Nothing in the list.</translation>
    </message>
    <message>
        <location line="-42"/>
        <location line="+15"/>
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
        <source>Tỉnh nhận</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="-18"/>
        <location line="+19"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Cước chưa VAT</source>
        <translation>Fees before VAT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Enter hoặc nhấp đúp: mở bưu gửi. Esc: đóng.</source>
        <translation>Enter or double-click: open the item. Esc: close.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đang đọc danh sách…</source>
        <translation>Reading the list…</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <location filename="../../kt1desk/qt/report_figures.py" line="+119"/>
        <source>Bưu cục chưa có dữ liệu cho số liệu này trong kỳ.</source>
        <translation>The office has no records for this figure in the period.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Xem các bưu gửi (Enter)</source>
        <translation>List the items (Enter)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Không có số liệu</source>
        <translation>No data</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 bưu gửi · %2</source>
        <translation>%1 items · %2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 (đã trả lời %2, trả lời trễ %3, đang mở %4)</source>
        <translation>%1 (answered %2, answered late %3, open %4)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Bưu gửi</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bưu gửi nhận gửi</source>
        <translation>Items accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số kiện</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy (không tính)</source>
        <translation>Voided (not counted)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khiếu nại</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bồi thường</source>
        <translation>Compensation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cước</source>
        <translation>Fees</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cước chưa VAT</source>
        <translation>Fees before VAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thuế VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu tiền mặt</source>
        <translation>Paid in cash</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi nợ theo tháng</source>
        <translation>Monthly account</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Miễn cước</source>
        <translation>Free of charge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 bưu gửi</source>
        <translation>%1 items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Miễn cước — Phụ lục I</source>
        <translation>Free — Appendix I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Miễn cước — văn phòng Trung ương</source>
        <translation>Free — central office</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loại và dấu hiệu</source>
        <translation>Kinds and marks</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <source>Không dấu hiệu</source>
        <translation>No mark</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Độ mật và phạm vi</source>
        <translation>Secrecy and scope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Độ mật A</source>
        <translation>Secret A</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Độ mật B</source>
        <translation>Secret B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Độ mật C</source>
        <translation>Secret C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Không mật</source>
        <translation>Not secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nội tỉnh</source>
        <translation>Within the province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liên tỉnh</source>
        <translation>Between provinces</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thời điểm nhận gửi</source>
        <translation>When accepted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngoài giờ hành chính</source>
        <translation>After hours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày nghỉ cuối tuần</source>
        <translation>Weekends</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ngày lễ, Tết</source>
        <translation>Public holidays</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chất lượng và mức sử dụng</source>
        <translation>Quality and use</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phát đúng hạn</source>
        <translation>Delivered on time</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phát trễ hạn</source>
        <translation>Delivered late</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cơ quan sử dụng dịch vụ</source>
        <translation>Agencies using the service</translation>
    </message>
</context>
<context>
    <name>FirstDayPanel</name>
    <message>
        <location filename="../../kt1desk/qt/first_day.py" line="+45"/>
        <source>Mặc định: ngày sớm nhất được nhập bù ({days} ngày trước), để bưu gửi nhập bù cũng tính được cước. Đổi nếu bảng cước của bưu cục áp dụng từ ngày khác.</source>
        <translation>By default the earliest day items may be back-entered ({days} days ago), so back-entered items are priced too. Change it if your tariff applies from another day.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng cước mới thay bảng đang dùng cho bưu gửi nhận từ ngày này.</source>
        <translation>The new tariff replaces the one in use for items accepted from this day.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Danh bạ cơ quan và bảng cước</source>
        <translation>Agency directory and tariff</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nhận gửi cần danh bạ cơ quan (để chọn cơ quan gửi, cơ quan nhận) và một bảng cước có hiệu lực (để tính cước). Nạp tệp của bưu cục, hoặc dùng tạm dữ liệu MẪU đi kèm chương trình để làm quen — dữ liệu MẪU không phải số liệu chính thức. Có thể nạp tệp thật sau, ở mục Danh bạ.</source>
        <translation>Intake needs the agency directory (to pick sender and recipient) and a tariff in force (to price items). Load your office&apos;s files, or take the SAMPLE (MẪU) data that comes with the program to get to know it — sample data is not official. You can load the real files later, in Directory.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Danh bạ cơ quan</source>
        <translation>Agency directory</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nạp tệp danh bạ (CSV)…</source>
        <translation>Load a directory file (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng danh bạ MẪU (Đắk Lắk)</source>
        <translation>Use the sample directory (Đắk Lắk)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Bảng cước</source>
        <translation>Tariff</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Áp dụng cho bưu gửi nhận từ &amp;ngày</source>
        <translation>Applies to items accepted from &amp;day</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nạp tệp bảng cước (CSV)…</source>
        <translation>Load a tariff file (CSV)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng bảng cước MẪU</source>
        <translation>Use the sample tariff</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Đã nạp {count} cơ quan từ tệp «{name}».</source>
        <translation>{count} agencies loaded from “{name}”.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Đã nạp danh bạ MẪU: cơ quan của tỉnh Đắk Lắk, để làm quen. Nạp danh bạ thật của bưu cục ở mục Danh bạ.</source>
        <translation>The SAMPLE directory is loaded: agencies of Đắk Lắk province, to get to know the program. Load your office&apos;s real directory in Directory.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Danh bạ có {count} cơ quan.</source>
        <translation>The directory has {count} agencies.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Danh bạ chưa có cơ quan nào.</source>
        <translation>The directory has no agencies yet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bảng cước «{name}», áp dụng từ {day}.</source>
        <translation>Tariff “{name}”, applying from {day}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đây là bảng cước MẪU, không chính thức: cước tính theo bảng này có ghi MẪU.</source>
        <translation>This is the SAMPLE tariff, not an official one: fees priced by it are marked MẪU (sample).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa có bảng cước nào.</source>
        <translation>No tariff yet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>danh bạ cơ quan</source>
        <translation>the agency directory</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bảng cước có hiệu lực hôm nay</source>
        <translation>a tariff in force today</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Còn thiếu {what}: nhận gửi chưa tính được cước cho tới khi nạp (ở mục Danh bạ).</source>
        <translation>Still missing: {what}. Intake cannot price items until it is loaded (in Directory).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Để sau, vào chương trình</source>
        <translation>Later — open the program</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Xong, vào chương trình</source>
        <translation>Done — open the program</translation>
    </message>
    <message>
        <location line="+4"/>
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
</context>
<context>
    <name>FormDialog</name>
    <message>
        <location filename="../../kt1desk/qt/directory_page.py" line="-422"/>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../kt1desk/qt/intake_page.py" line="+103"/>
        <source>Nhận gửi</source>
        <translation>Intake</translation>
    </message>
    <message>
        <location line="+161"/>
        <source>Không mật</source>
        <translation>Not secret</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Danh bạ chưa có cơ quan nào.</source>
        <translation>The directory has no agencies yet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa có bảng cước có hiệu lực hôm nay: chưa tính được cước.</source>
        <translation>No tariff is in force today: fees cannot be computed.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&lt;a href=&quot;{tab}&quot;&gt;Nạp ở mục Danh bạ…&lt;/a&gt;</source>
        <translation>&lt;a href=&quot;{tab}&quot;&gt;Load it in Directory…&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhờ kiểm soát viên nạp ở mục &lt;a href=&quot;{tab}&quot;&gt;Danh bạ&lt;/a&gt;.</source>
        <translation>Ask a supervisor to load it in &lt;a href=&quot;{tab}&quot;&gt;Directory&lt;/a&gt;.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>Kiểm tra niêm phong rồi đánh dấu «Niêm phong nguyên vẹn»; niêm phong không nguyên vẹn thì bưu gửi bị từ chối.</source>
        <translation>Check the seal, then tick “Seal intact”; an item whose seal is not intact is refused.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nạp bảng cước ở mục Danh bạ › Bảng cước.</source>
        <translation>Load a tariff in Directory › Tariffs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhờ kiểm soát viên nạp bảng cước (mục Danh bạ › Bảng cước).</source>
        <translation>Ask a supervisor to load a tariff (Directory › Tariffs).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa tính được cước: cần nhập {fields}.</source>
        <translation>No fee yet: fill in {fields}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chưa tính được cước:</source>
        <translation>No fee yet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nhập đủ thông tin để tính cước.</source>
        <translation>Fill in the form to see the fee.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+37"/>
        <source>Miễn cước</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="-33"/>
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
        <location line="+16"/>
        <source>Hẹn giờ</source>
        <translation>Hẹn giờ (timed)</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>mật</source>
        <translation>secret</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Theo bảng cước MẪU, chưa phải bảng cước chính thức.</source>
        <translation>From the SAMPLE tariff, not the official one.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>(J: ngày làm việc kế tiếp)</source>
        <translation>(J: the next working day)</translation>
    </message>
    <message>
        <location line="+9"/>
        <location filename="../../ui/intake_page.ui" line="+169"/>
        <source>Bưu gửi vừa nhận</source>
        <translation>Item just accepted</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(bảng cước MẪU)</source>
        <translation>(SAMPLE tariff)</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+31"/>
        <source>Chưa in được nhãn và biên nhận. Bưu gửi đã được nhận; in lại ở mục Tra cứu.</source>
        <translation>Label and receipt not printed yet. The item is accepted; reprint them from Lookup.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nhãn</source>
        <translation>Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Chưa có máy in: đã lưu {papers} thành tệp PDF trong {folder}. In lại ở mục Tra cứu khi có máy in.</source>
        <translation>No printer: {papers} saved as PDF files in {folder}. Print them again from Lookup once a printer is there.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chưa in được: {papers}. Bưu gửi đã được nhận; in lại ở mục Tra cứu.</source>
        <translation>Not printed: {papers}. The item is accepted; reprint from Lookup.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã in nhãn và biên nhận.</source>
        <translation>Label and receipt printed.</translation>
    </message>
    <message>
        <location filename="../../ui/intake_page.ui" line="-150"/>
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
        <location line="+4"/>
        <location line="+8"/>
        <location line="+3"/>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>MẪU</source>
        <translation>SAMPLE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tính theo bảng cước MẪU, không phải bảng cước chính thức</source>
        <translation>Priced by the SAMPLE tariff, not an official one</translation>
    </message>
    <message>
        <location line="+6"/>
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
        <location filename="../../kt1desk/qt/item_dialog.py" line="+118"/>
        <source>Bưu gửi {id}</source>
        <translation>Item {id}</translation>
    </message>
    <message>
        <location line="-58"/>
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
        <location line="+154"/>
        <source>Quầy</source>
        <translation>Counter</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>Ghi chú</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>In lại &amp;nhãn</source>
        <translation>Reprint &amp;label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In lại &amp;biên nhận</source>
        <translation>Reprint &amp;receipt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Điều &amp;chỉnh…</source>
        <translation>&amp;Correct…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hủy bưu gửi…</source>
        <translation>&amp;Void item…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location line="+34"/>
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
        <source>theo bảng cước MẪU, không chính thức</source>
        <translation>by the SAMPLE tariff, not official</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>nội tỉnh</source>
        <translation>within the province</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(nhập bù lúc {when})</source>
        <translation>(back-entered at {when})</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cơ quan gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Địa chỉ nhận</source>
        <translation>Recipient address</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Khối lượng</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số kiện</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Độ mật</source>
        <translation>Secrecy</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>không mật</source>
        <translation>not secret</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Niêm phong nguyên vẹn</source>
        <translation>Seal intact</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hỏa tốc</source>
        <translation>Hỏa tốc (urgent)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hẹn giờ</source>
        <translation>Hẹn giờ (timed)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Phạm vi</source>
        <translation>Scope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thời điểm nhận</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hạn phát</source>
        <translation>Delivery deadline</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cước</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao dịch viên</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Số lần in</source>
        <translation>Times printed</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>nhãn {label}, biên nhận {receipt}</source>
        <translation>label {label}, receipt {receipt}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bưu gửi mật: chờ chuyển đi ngay bằng xe riêng.</source>
        <translation>Secret item: waiting to leave at once in a dedicated vehicle.</translation>
    </message>
    <message>
        <location line="+18"/>
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
        <location line="+17"/>
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
        <location line="+1"/>
        <source>Điều chỉnh</source>
        <translation>Correct</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Vào túi</source>
        <translation>Put in a bag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lấy ra khỏi túi</source>
        <translation>Taken out of a bag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển đi</source>
        <translation>Dispatched</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đến nơi phát</source>
        <translation>Arrived at the delivery office</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thiếu khi nhận túi</source>
        <translation>Missing at receipt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Giao đi phát</source>
        <translation>Out for delivery</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã phát</source>
        <translation>Delivered</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phát không được</source>
        <translation>Delivery failed</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chuyển hoàn</source>
        <translation>Returned to sender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Khiếu nại</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trả lời khiếu nại</source>
        <translation>Complaint answered</translation>
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
    <message>
        <location line="+5"/>
        <source>người nhận {name} ({role})</source>
        <translation>received by {name} ({role})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>hư hỏng</source>
        <translation>damaged</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>thừa so với bảng kê</source>
        <translation>extra to the manifest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lý do: {reason}</source>
        <translation>reason: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Hủy bưu gửi {id}</source>
        <translation>Void item {id}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lý do hủy (bắt buộc). Bưu gửi vẫn giữ số hiệu, không cấp lại:</source>
        <translation>Reason for voiding (required). The item keeps its id, never issued again:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã hủy bưu gửi.</source>
        <translation>Item voided.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã điều chỉnh; in lại nhãn và biên nhận nếu cần.</source>
        <translation>Corrected; reprint the label and receipt if needed.</translation>
    </message>
</context>
<context>
    <name>LockOverlay</name>
    <message>
        <location filename="../../kt1desk/qt/lock.py" line="+104"/>
        <source>Giao quầy cho người khác</source>
        <translation>Hand the counter over</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang giao quầy của %1 (%2).</source>
        <translation>Handing over the counter of %1 (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Người nhận quầy đăng nhập bằng tài khoản của mình; từ đó mọi việc ở quầy ghi tên họ.</source>
        <translation>Whoever takes the counter logs in with their own account; from then on everything at the counter is in their name.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bưu gửi đang nhập dở chưa lưu sẽ bị bỏ.</source>
        <translation>The item half typed and not saved will be dropped.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nhận quầy</source>
        <translation>Take the counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quay lại</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Màn hình đã khóa</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người dùng: %1 (%2)</source>
        <translation>User: %1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Công việc đang làm vẫn được giữ nguyên. Nhập mật khẩu để tiếp tục.</source>
        <translation>Your work in progress is kept as it is. Type your password to go on.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người khác nhận &amp;quầy…</source>
        <translation>Someone else takes the &amp;counter…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sai mật khẩu.</source>
        <translation>Wrong password.</translation>
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
        <source>&amp;Tên đăng nhập</source>
        <translation>&amp;Login</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Mật khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Người khác nhận &amp;quầy…</source>
        <translation>Someone else takes the &amp;counter…</translation>
    </message>
    <message>
        <location line="+17"/>
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
        <location filename="../../kt1desk/qt/lookup_page.py" line="+69"/>
        <source>Tất cả</source>
        <translation>All</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Tra cứu</source>
        <translation>Lookup</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Chọn một cơ quan trong danh sách gợi ý.</source>
        <translation>Choose an agency from the suggestions.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Hỏa tốc</source>
        <translation>Hỏa tốc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hẹn giờ</source>
        <translation>Hẹn giờ</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>MẪU</source>
        <translation>SAMPLE</translation>
    </message>
    <message>
        <location line="+4"/>
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
        <location line="+3"/>
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
        <location line="-5"/>
        <source>Cước</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Miễn</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hạn phát</source>
        <translation>Delivery deadline</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+96"/>
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
        <location filename="../../kt1desk/qt/main_window.py" line="+225"/>
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
        <location line="+1"/>
        <source>Bảng kê</source>
        <translation>Manifests</translation>
    </message>
    <message>
        <location line="+1"/>
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
        <location line="-2"/>
        <source>Đồng bộ</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Khiếu nại</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (phím tắt Ctrl+%2)</source>
        <translation>%1 (shortcut Ctrl+%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>chỉ dành cho kiểm soát viên</source>
        <translation>for supervisors only</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sắp có</source>
        <translation>Coming later</translation>
    </message>
    <message>
        <location line="+3"/>
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
        <location line="+65"/>
        <source>Chưa có trang tra cứu để mở %1.</source>
        <translation>No lookup page yet to open %1.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Đã nhận %1.</source>
        <translation>Accepted %1.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 đã nhận quầy.</source>
        <translation>%1 has taken the counter.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Chưa đồng bộ: %1 bản ghi</source>
        <translation>Not synced: %1 records</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Quầy %1</source>
        <translation>Counter %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ngày lễ: %1</source>
        <translation>Public holiday: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ngoài giờ hành chính</source>
        <translation>After hours</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Có thông tin đang nhập dở chưa lưu (%1). Vẫn thoát chương trình?</source>
        <translation>Some input is not saved yet (%1). Quit anyway?</translation>
    </message>
</context>
<context>
    <name>ManifestPage</name>
    <message>
        <location filename="../../kt1desk/qt/manifest_page.py" line="-361"/>
        <source>&amp;Ngày nhận gửi</source>
        <translation>Acceptance &amp;day</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Lập bảng kê</source>
        <translation>&amp;Make manifests</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đưa các bưu gửi trong ngày chưa có bảng kê vào bảng kê của nơi đến</source>
        <translation>Put the day&apos;s items that are on no manifest onto their destination&apos;s manifest</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Số bảng kê</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nơi đến</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số bưu gửi</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tình trạng</source>
        <translation>State</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số hiệu</source>
        <translation>Item id</translation>
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
        <location line="+2"/>
        <source>Số kiện</source>
        <translation>Pieces</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dấu hiệu</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Xem trước…</source>
        <translation>Pre&amp;view…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Chốt bảng kê…</source>
        <translation>&amp;Close manifest…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lập bảng kê điều c&amp;hỉnh…</source>
        <translation>Make a c&amp;orrection…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kiểm soát viên chốt bảng kê và lập bảng kê điều chỉnh.</source>
        <translation>A supervisor closes manifests and makes corrections.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Bảng kê</source>
        <translation>Manifests</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>{count} bưu gửi chưa vào bảng kê</source>
        <translation>{count} items on no manifest yet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mọi bưu gửi trong ngày đã vào bảng kê</source>
        <translation>Every item of the day is on a manifest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chưa có bưu gửi nào nhận trong ngày này</source>
        <translation>No items were accepted on this day</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Đã lập bảng kê: {count} nơi đến.</source>
        <translation>Manifests made: {count} destinations.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bảng kê {id}</source>
        <translation>Manifest {id}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã in {title}.</source>
        <translation>{title} printed.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa in {title}.</source>
        <translation>{title} not printed.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Đã chốt bảng kê {id}.</source>
        <translation>Manifest {id} closed.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Đã chốt lúc {when}</source>
        <translation>Closed at {when}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa chốt</source>
        <translation>Open</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>điều chỉnh {id}</source>
        <translation>corrects {id}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đã được điều chỉnh bằng {id}</source>
        <translation>corrected by {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Hỏa tốc</source>
        <translation>Hỏa tốc</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hẹn giờ {when}</source>
        <translation>Hẹn giờ {when}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{id}: đã chốt, không thay đổi được nữa; sai sót sửa bằng bảng kê điều chỉnh.</source>
        <translation>{id}: closed, it can no longer change; mistakes are put right with a correcting manifest.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+6"/>
        <source>Lý do điều chỉnh: {reason}</source>
        <translation>Reason for the correction: {reason}</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>{id}: chưa chốt — bưu gửi nhận thêm trong ngày sẽ vào bảng kê này khi lập lại.</source>
        <translation>{id}: open — items accepted later in the day go on it when manifests are made again.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã lập và chốt bảng kê điều chỉnh {id}.</source>
        <translation>Correcting manifest {id} made and closed.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã lập bảng kê điều chỉnh {id}; kiểm tra rồi chốt.</source>
        <translation>Correcting manifest {id} made; check it, then close it.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Chốt bảng kê</source>
        <translation>Close manifest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chốt bảng kê {id} ({count} bưu gửi đi {destination})?

Sau khi chốt, bảng kê không thay đổi được nữa; sai sót phải sửa bằng bảng kê điều chỉnh.</source>
        <translation>Close manifest {id} ({count} items to {destination})?

Once closed, a manifest can never change; mistakes must be put right with a correcting manifest.</translation>
    </message>
</context>
<context>
    <name>OutgoingTab</name>
    <message>
        <location filename="../../kt1desk/qt/bags_page.py" line="-311"/>
        <source>Báo đỏ sau</source>
        <translation>Red after</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> phút</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiểm soát viên đổi được (áp dụng cho cả bưu cục)</source>
        <translation>Supervisors can change it (for the whole office)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chỉ kiểm soát viên đổi được</source>
        <translation>Only supervisors can change it</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+54"/>
        <source>Số hiệu</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location line="-53"/>
        <source>Mật</source>
        <translation>Secret</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+53"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã chờ</source>
        <translation>Waited</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} phút</source>
        <translation>{n} min</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>Túi</source>
        <translation>Bag</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>chưa vào túi</source>
        <translation>not in a bag</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+17"/>
        <source>Nơi đến</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>{code} — phát tại bưu cục này</source>
        <translation>{code} — delivered by this office</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Mở túi mới</source>
        <translation>&amp;Open a new bag</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Số BG</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Quét hoặc gõ số hiệu bưu gửi rồi Enter</source>
        <translation>Scan or type an item id and Enter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>STT</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dấu hiệu</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Lấy ra khỏi túi</source>
        <translation>&amp;Take out of the bag</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Số niêm phong</source>
        <translation>Seal no.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Niêm phong và in</source>
        <translation>&amp;Seal and print</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In lại nhãn và bảng kê</source>
        <translation>Reprint label and manifest</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Bưu gửi mật chờ chuyển đi ngay: {n}</source>
        <translation>Secret items to leave at once: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} quá thời gian chờ</source>
        <translation>{n} waiting too long</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Không có bưu gửi mật nào chờ chuyển đi.</source>
        <translation>No secret item is waiting to leave.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Chọn một túi, hoặc mở túi mới cho một nơi đến.</source>
        <translation>Choose a bag, or open a new one for a destination.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · niêm phong {seal}</source>
        <translation> · seal {seal}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Đã mở túi {id} đi {destination}: quét bưu gửi vào túi.</source>
        <translation>Bag {id} to {destination} opened: scan the items into it.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{id} đã có trong túi này — không thêm lại.</source>
        <translation>{id} is already in this bag — not added again.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Đã cho {id} vào túi ({n} bưu gửi).</source>
        <translation>{id} put in the bag ({n} items).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chọn một túi đang mở trước.</source>
        <translation>Choose an open bag first.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn bưu gửi cần lấy ra.</source>
        <translation>Choose the item to take out.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Đã lấy {id} ra khỏi túi.</source>
        <translation>{id} taken out of the bag.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Đã niêm phong túi {id} (số {seal}, {n} bưu gửi). {printed}</source>
        <translation>Bag {id} sealed (seal {seal}, {n} items). {printed}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>nhãn túi</source>
        <translation>bag label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bảng kê</source>
        <translation>manifest</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Chưa in được: {papers} (in lại ở đây).</source>
        <translation>Not printed: {papers} (reprint here).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã in nhãn túi và bảng kê.</source>
        <translation>Bag label and manifest printed.</translation>
    </message>
</context>
<context>
    <name>OverdueTab</name>
    <message>
        <location filename="../../kt1desk/qt/delivery_page.py" line="-60"/>
        <source>Kể cả bưu gửi đã chuyển đi tỉnh khác</source>
        <translation>Include items sent to other provinces</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+12"/>
        <source>Nơi đến</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Số bưu gửi</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Số hiệu</source>
        <translation>Item id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cơ quan nhận</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hạn phát</source>
        <translation>Delivery deadline</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quá (ngày)</source>
        <translation>Late (days)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nơi nhận gửi</source>
        <translation>Accepted at</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tại đây</source>
        <translation>here</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quá hạn, chưa phát lần nào: {n} bưu gửi</source>
        <translation>Overdue, never tried: {n} items</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(và {n} đã chuyển đi tỉnh khác, chưa có tin phát)</source>
        <translation>(and {n} sent to other provinces, no delivery news yet)</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../kt1desk/qt/report_period.py" line="+39"/>
        <source>&amp;Kỳ báo cáo</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ngày</source>
        <translation>Day</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quý</source>
        <translation>Quarter</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6 tháng</source>
        <translation>Half-year</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Năm</source>
        <translation>Year</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Từ ngày – đến ngày</source>
        <translation>From – to</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>năm</source>
        <translation>year</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Tháng %1</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quý %1</source>
        <translation>Quarter %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>6 tháng đầu năm</source>
        <translation>First half</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>6 tháng cuối năm</source>
        <translation>Second half</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <location filename="../../kt1desk/qt/main_window.py" line="-393"/>
        <source>Trang này chưa có trong bản này.</source>
        <translation>This page is not in this version yet.</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <location filename="../../kt1desk/qt/refusal.py" line="+22"/>
        <source>Niêm phong không nguyên vẹn</source>
        <translation>Seal not intact</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Từ chối nhận bưu gửi mật {letter}</source>
        <translation>Refuse secret item {letter}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Bưu gửi mật {letter} có niêm phong không nguyên vẹn thì không được nhận. Việc từ chối được ghi lại: thời điểm, lý do, người từ chối và người mang bưu gửi đến — không ghi gì về bưu gửi.</source>
        <translation>A secret item {letter} whose seal is not intact cannot be accepted. The refusal is recorded: when, why, who refused and who presented the item — nothing about the item itself.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>họ tên, cơ quan — ví dụ: Nguyễn Văn A, Sở Y tế</source>
        <translation>name, agency — e.g. Nguyễn Văn A, Sở Y tế</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người &amp;mang đến</source>
        <translation>Presented &amp;by</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Từ chối nhận</source>
        <translation>&amp;Refuse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quay lại</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Ghi tên người mang bưu gửi đến trước khi từ chối.</source>
        <translation>Write down who presented the item before refusing it.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../kt1desk/qt/reports_page.py" line="+66"/>
        <location line="+96"/>
        <source>Báo cáo</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Báo cáo chỉ dành cho kiểm soát viên và quản trị viên. Xin nhờ kiểm soát viên của bưu cục xem hoặc in báo cáo.</source>
        <translation>Reports are for supervisors and admins only. Ask a supervisor of the office to view or print a report.</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+287"/>
        <source>&amp;Tính</source>
        <translation>Co&amp;mpute</translation>
    </message>
    <message>
        <location line="-286"/>
        <source>Tính báo cáo của kỳ đã chọn (Enter)</source>
        <translation>Compute the report of the chosen period (Enter)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;Xem PDF…</source>
        <translation>&amp;View PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In…</source>
        <translation>P&amp;rint…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;CSV…</source>
        <translation>Save &amp;CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lưu &amp;Excel…</source>
        <translation>Save &amp;Excel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Báo cáo thành PDF (số liệu và biểu đồ), xem trước rồi in hoặc lưu</source>
        <translation>The report as PDF (figures and charts): preview, then print or save</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp CSV (UTF-8 có BOM) mở được bằng Excel, LibreOffice</source>
        <translation>A CSV file (UTF-8 with BOM) that Excel and LibreOffice open</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp Excel: số là số, ngày là ngày</source>
        <translation>An Excel file: numbers as numbers, dates as dates</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Số liệu</source>
        <translation>Figures</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Theo cơ quan gửi</source>
        <translation>By sender</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theo nơi đến</source>
        <translation>By destination</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Theo tháng</source>
        <translation>By month</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter hoặc nhấp đúp: xem các bưu gửi</source>
        <translation>Enter or double-click: list the items</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Biểu đồ</source>
        <translation>Charts</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Báo cáo %1</source>
        <translation>Report %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đang lập PDF…</source>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Không tính được báo cáo: %1</source>
        <translation>The report could not be computed: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Đã in %1.</source>
        <translation>Printed %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa in %1.</source>
        <translation>%1 was not printed.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Không lập được PDF: %1</source>
        <translation>The PDF could not be made: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Đã lưu %1</source>
        <translation>Saved %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Bưu gửi</source>
        <translation>Items</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cước chưa VAT</source>
        <translation>Fees before VAT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>VAT</source>
        <translation>VAT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tổng cộng</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Mã</source>
        <translation>Code</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cơ quan gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tỉnh, thành phố nhận</source>
        <translation>Destination province</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tháng</source>
        <translation>Month</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Tháng %1</source>
        <translation>Month %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chọn kỳ báo cáo rồi nhấn Enter.</source>
        <translation>Choose the period, then press Enter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>lập lúc %1</source>
        <translation>made at %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>đã có thay đổi, nhấn Tính để cập nhật</source>
        <translation>changed since: press Compute to update</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Đang tính…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Lưu báo cáo thành CSV</source>
        <translation>Save the report as CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lưu báo cáo thành Excel</source>
        <translation>Save the report as Excel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tệp CSV (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tệp Excel (*.xlsx)</source>
        <translation>Excel file (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kt1desk/qt/settings_dialog.py" line="+31"/>
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
    <message>
        <location line="+14"/>
        <source>Dữ liệu và sao lưu</source>
        <translation>Data and backups</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cơ sở dữ liệu</source>
        <translation>Database</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>USB hoặc ổ mạng, ví dụ E:\KT1</source>
        <translation>USB stick or network share, e.g. E:\KT1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chọn…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Thư mục &amp;sao lưu</source>
        <translation>&amp;Backup folder</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> bản gần nhất</source>
        <translation> newest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Giữ lại</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sao lưu &amp;ngay</source>
        <translation>Back up &amp;now</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bản sao lưu được kiểm tra ngay sau khi ghi, và cũng được tạo mỗi lần chốt ca. Khóa ký của quầy không bao giờ nằm trong bản sao lưu.</source>
        <translation>Each backup is checked as soon as it is written, and one is also made at every shift close. The counter&apos;s signing key is never in a backup.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Quầy vừa được khôi phục từ bản sao lưu: chưa cấp số hiệu mới cho tới khi quản trị nhập số hiệu trên biên nhận hoặc nhãn in gần nhất.</source>
        <translation>This counter was just restored from a backup: no new id is issued until an admin enters the id on the latest receipt or label.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Xác nhận số hiệu</source>
        <translation>Confirm the id</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Số hiệu cuối cùng đã cấp</source>
        <translation>Last id issued</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cơ sở dữ liệu chung của máy này: mọi người dùng máy đều làm việc trên nó.</source>
        <translation>This machine&apos;s shared database: everyone who uses this machine works in it.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Thư mục dữ liệu riêng của người dùng đang đăng nhập máy.</source>
        <translation>The data folder of the user logged in to this computer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do lựa chọn --db hoặc biến KT1DESK_DB chỉ ra.</source>
        <translation>Named by the --db option or the KT1DESK_DB variable.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chọn thư mục sao lưu</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Đang sao lưu…</source>
        <translation>Backing up…</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Đã xác nhận: quầy cấp số hiệu mới tiếp sau số đã nhập.</source>
        <translation>Confirmed: the counter issues new ids after the one entered.</translation>
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
        <location line="+8"/>
        <source>&amp;Ngôn ngữ giao diện</source>
        <translation>Interface &amp;language</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Mọi trang đổi ngôn ngữ ngay; thông tin đang nhập được giữ nguyên.</source>
        <translation>Every page changes language at once; what you have typed is kept.</translation>
    </message>
    <message>
        <location line="+10"/>
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
        <location filename="../../kt1desk/qt/setup_dialog.py" line="+57"/>
        <source>KT1 Desk — Khởi tạo bưu cục</source>
        <translation>KT1 Desk — Set up the office</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Mã quầy: 1–20 chữ không dấu, số hoặc gạch, ví dụ Q01.</source>
        <translation>Counter code: 1–20 letters without diacritics, digits or dashes, e.g. Q01.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hai lần nhập mật khẩu không giống nhau.</source>
        <translation>The two passwords are not the same.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>KT1 Desk — Danh bạ và bảng cước</source>
        <translation>KT1 Desk — Directory and tariff</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Dữ liệu thử dùng mật khẩu bạn nhập cho mọi tài khoản thử: hãy nhập mật khẩu trước.</source>
        <translation>The demo data uses the password you type for every demo account: type a password first.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Đang tạo dữ liệu thử…</source>
        <translation>Creating demo data…</translation>
    </message>
    <message>
        <location filename="../../kt1desk/qt/app.py" line="+148"/>
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
    <name>ShiftPage</name>
    <message>
        <location filename="../../kt1desk/qt/shift_page.py" line="+31"/>
        <source>In báo cáo &amp;X</source>
        <translation>Print &amp;X report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Chốt ca…</source>
        <translation>&amp;Close shift…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mở ca mới</source>
        <translation>&amp;Open a new shift</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Báo cáo X — tạm tính đến lúc này</source>
        <translation>X report — running totals so far</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bưu gửi</source>
        <translation>Item</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dấu hiệu</source>
        <translation>Marks</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tiền mặt tại quầy</source>
        <translation>Cash at the counter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ghi nợ theo tháng</source>
        <translation>Monthly account</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Miễn cước</source>
        <translation>Free</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Đã hủy</source>
        <translation>Voided</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Điều chỉnh ca trước</source>
        <translation>Earlier shifts&apos; adjustments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Từ chối nhận</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+46"/>
        <source>Tiền mặt phải có</source>
        <translation>Cash expected</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Các ca của bưu cục</source>
        <translation>The office&apos;s shifts</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Các ca của bạn</source>
        <translation>Your shifts</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;In báo cáo ca đã chọn</source>
        <translation>&amp;Print the chosen shift&apos;s report</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chốt ca đã chọn…</source>
        <translation>Close the chosen shift…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Ca</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Người làm</source>
        <translation>Clerk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mở ca</source>
        <translation>Opened</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chốt ca</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kiểm đếm</source>
        <translation>Counted</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chênh lệch</source>
        <translation>Difference</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Ca làm việc</source>
        <translation>Shift</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Ca {id} · mở lúc {when} · quầy {counter}</source>
        <translation>Shift {id} · opened {when} · counter {counter}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bạn chưa có ca đang mở ở quầy {counter}: ca mới mở khi đăng nhập hoặc với bưu gửi đầu tiên.</source>
        <translation>You have no open shift at counter {counter}: a new one opens at login or with the first item.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{count} ({pieces} kiện · {weight})</source>
        <translation>{count} ({pieces} pieces · {weight})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mật {secret} · Hỏa tốc {hoa_toc} · Hẹn giờ {hen_gio}</source>
        <translation>Secret {secret} · Hỏa tốc {hoa_toc} · Hẹn giờ {hen_gio}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Đã in báo cáo X.</source>
        <translation>X report printed.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chưa in báo cáo X.</source>
        <translation>X report not printed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn một ca đang mở.</source>
        <translation>Choose an open shift.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Đã chốt ca {id}.</source>
        <translation>Shift {id} closed.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Chọn một ca trong danh sách.</source>
        <translation>Choose a shift in the list.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Chưa in được báo cáo Z ({reason}); in lại ở danh sách ca.</source>
        <translation>The Z report was not printed ({reason}); reprint it from the list of shifts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chưa in báo cáo Z; in lại ở danh sách ca.</source>
        <translation>The Z report was not printed; reprint it from the list of shifts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Đã in báo cáo Z.</source>
        <translation>Z report printed.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Đã in lại báo cáo Z (lần {n}).</source>
        <translation>Z report reprinted (print {n}).</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <location filename="../../kt1desk/qt/sign_dialog.py" line="+65"/>
        <source>Họ tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>người ký tự gõ họ tên của mình</source>
        <translation>the signer types their own name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chữ ký (gõ tên)</source>
        <translation>Signature (typed name)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ký trên bảng ký (nếu có)</source>
        <translation>Sign on the signature pad (if there is one)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SignatureBox</name>
    <message>
        <location filename="../../kt1desk/qt/signature_pad.py" line="+128"/>
        <source>Ký lại</source>
        <translation>Sign again</translation>
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
    <name>TariffStartDialog</name>
    <message>
        <location filename="../../kt1desk/qt/first_day.py" line="+11"/>
        <source>Ngày áp dụng bảng cước</source>
        <translation>Tariff start date</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dùng bảng cước MẪU</source>
        <translation>Use the sample tariff</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bảng cước MẪU đi kèm chương trình không phải bảng cước chính thức: cước tính theo bảng này có ghi MẪU trên màn hình và trên biên nhận.</source>
        <translation>The sample tariff that comes with the program is not an official tariff: fees priced by it are marked MẪU (sample) on screen and on the receipt.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Áp dụng cho bưu gửi nhận từ ngày</source>
        <translation>Applies to items accepted from</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Tên bảng cước</source>
        <translation>Tariff name</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../kt1desk/qt/directory_page.py" line="+90"/>
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
</TS>
