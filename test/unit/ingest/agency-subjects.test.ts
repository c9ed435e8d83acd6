/** Which named agencies are departments of the publisher's province (ingest/agency-subjects.ts). */
import { departmentCode, provincialAgency } from '../../../ingest/agency-subjects';

describe('provincialAgency', () => {
  it.each<[string, string, string]>([
    ['Sở Tư pháp Tiền Giang', 'Tỉnh Tiền Giang', 'Sở Tư pháp tỉnh Tiền Giang'],
    ['Sở Tư pháp tỉnh Tiền Giang', 'Tỉnh Tiền Giang', 'Sở Tư pháp tỉnh Tiền Giang'],
    ['Công an tỉnh Bến Tre', 'Tỉnh Bến Tre', 'Công an tỉnh Bến Tre'],
    ['Văn phòng UBND thành phố Hải Phòng', 'Thành phố Hải Phòng', 'Văn phòng UBND thành phố Hải Phòng'],
    ['Thanh tra thành phố Hải Phòng', 'Thành phố Hải Phòng', 'Thanh tra thành phố Hải Phòng'],
    ['Sở Văn hóa, Thể thao và Du lịch Tiền Giang', 'Tỉnh Tiền Giang', 'Sở Văn hóa, Thể thao và Du lịch tỉnh Tiền Giang'],
    ['Ngân hàng Nhà nước chi nhánh tỉnh Tiền Giang', 'Tỉnh Tiền Giang', 'Ngân hàng Nhà nước chi nhánh tỉnh Tiền Giang'],
    ['Bảo hiểm xã hội tỉnh Vĩnh Phúc', 'Tỉnh Vĩnh Phúc', 'Bảo hiểm xã hội tỉnh Vĩnh Phúc'],
    ['Sở Nông nghiệp và Phát triển nông thôn Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'Sở Nông nghiệp và Phát triển nông thôn thành phố Hồ Chí Minh'],
  ])('%s in %s is %s', (name, province, canonical) => {
    expect(provincialAgency(name, province)?.name).toBe(canonical);
  });

  it.each<[string, string]>([
    ['Sở Tư pháp Quảng Ninh', 'Thành phố Hà Nội'], // another province's
    ['Sở Tư pháp', 'Tỉnh Tiền Giang'], // whose, the name does not say
    ['Bảo hiểm xã hội Việt Nam', 'Thành phố Hà Nội'], // a national body
    ['Bộ Tư pháp', 'Thành phố Hà Nội'],
    ['Huyện Cái Bè', 'Tỉnh Tiền Giang'], // a unit, not an agency
    ['Sở Tiền Giang', 'Tỉnh Tiền Giang'], // no agency words
    ['Sở Tư pháp Giang', 'Tỉnh Tiền Giang'], // a word's tail is no province
  ])('%s in %s is no department of it', (name, province) => {
    expect(provincialAgency(name, province)).toBeNull();
  });

  it('keys a department as a source registered with it is keyed, so both meet in one unit', () => {
    const fromText = provincialAgency('Sở Nông nghiệp và Phát triển nông thôn Hồ Chí Minh', 'Thành phố Hồ Chí Minh')!;
    expect(departmentCode('gso', '79', fromText.name)).toBe(departmentCode('gso', '79', 'Sở Nông nghiệp và Phát triển nông thôn Thành phố Hồ Chí Minh'));
  });

  it('gives two long names that share their first 80 characters two codes, and keeps a short name\'s code as it was', () => {
    const a = 'Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp và Khu chế xuất phía Bắc tỉnh Thanh Hóa';
    const b = 'Ban Quản lý Khu kinh tế Nghi Sơn và các Khu công nghiệp và Khu chế xuất phía Nam tỉnh Thanh Hóa';
    expect(departmentCode('gso', '38', a)).not.toBe(departmentCode('gso', '38', b));
    expect(departmentCode('gso', '38', a).length).toBeLessThanOrEqual(80);
    expect(departmentCode('gso', '79', 'Sở Tư pháp Thành phố Hồ Chí Minh')).toBe('gso:79:so-tu-phap-thanh-pho-ho-chi-minh');
  });
});
