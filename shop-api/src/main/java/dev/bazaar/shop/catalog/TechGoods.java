package dev.bazaar.shop.catalog;

import static dev.bazaar.shop.catalog.Spec.spec;
import static dev.bazaar.shop.catalog.Text.t;
import static dev.bazaar.shop.catalog.Variant.v;
import static dev.bazaar.shop.catalog.Vocabulary.BLACK;
import static dev.bazaar.shop.catalog.Vocabulary.BLUE;
import static dev.bazaar.shop.catalog.Vocabulary.CHINA;
import static dev.bazaar.shop.catalog.Vocabulary.GREEN;
import static dev.bazaar.shop.catalog.Vocabulary.GREY;
import static dev.bazaar.shop.catalog.Vocabulary.PLASTIC;
import static dev.bazaar.shop.catalog.Vocabulary.RUSSIA;
import static dev.bazaar.shop.catalog.Vocabulary.SILVER;
import static dev.bazaar.shop.catalog.Vocabulary.VIETNAM;
import static dev.bazaar.shop.catalog.Vocabulary.WHITE;

import java.util.Arrays;
import java.util.List;

/** Word lists of the technical categories: electronics, smartphones, car accessories. */
final class TechGoods {

    private static final Text ALUMINIUM = t("алюминий", "aluminium");

    private static final List<Kind> ELECTRONICS_KINDS = List.of(
            new Kind(t("Беспроводные наушники", "Wireless Earbuds"), new Range(1490, 24990), new Range(0.04, 0.08),
                    PLASTIC, t("активное шумоподавление", "active noise cancelling"),
                    List.of(t("наушники", "earbuds"), t("bluetooth", "bluetooth")),
                    List.of(v("до 24 ч работы", "up to 24 h playback", "battery_hours", 24),
                            v("до 30 ч работы", "up to 30 h playback", "battery_hours", 30),
                            v("до 40 ч работы", "up to 40 h playback", "battery_hours", 40))),
            new Kind(t("Портативная колонка", "Portable Speaker"), new Range(1990, 19990), new Range(0.3, 1.8),
                    t("пластик и ткань", "plastic and fabric"), t("защита от воды IPX7", "IPX7 water resistance"),
                    List.of(t("колонка", "speaker"), t("музыка", "music")),
                    List.of(v("10 Вт", "10 W", "power_w", 10), v("20 Вт", "20 W", "power_w", 20),
                            v("40 Вт", "40 W", "power_w", 40), v("60 Вт", "60 W", "power_w", 60))),
            new Kind(t("Умные часы", "Smartwatch"), new Range(2990, 39990), new Range(0.03, 0.07), ALUMINIUM,
                    t("пульсометр и отслеживание сна", "heart-rate and sleep tracking"),
                    List.of(t("умные часы", "smartwatch"), t("фитнес-трекер", "fitness tracker")),
                    List.of(v("41 мм", "41 mm", "case_mm", 41), v("45 мм", "45 mm", "case_mm", 45),
                            v("49 мм", "49 mm", "case_mm", 49))),
            new Kind(t("Телевизор", "Smart TV"), new Range(14990, 149990), new Range(4, 25),
                    t("пластик и металл", "plastic and metal"),
                    t("умная платформа с голосовым поиском", "a smart platform with voice search"),
                    List.of(t("телевизор", "tv"), t("smart tv", "smart tv")),
                    List.of(v("32 дюйма", "32 in", "screen_in", 32), v("43 дюйма", "43 in", "screen_in", 43),
                            v("55 дюймов", "55 in", "screen_in", 55), v("65 дюймов", "65 in", "screen_in", 65))),
            new Kind(t("Планшет", "Tablet"), new Range(8990, 79990), new Range(0.3, 0.7), ALUMINIUM,
                    t("яркий IPS-экран", "a bright IPS display"), List.of(t("планшет", "tablet")),
                    List.of(v("64 ГБ", "64 GB", "storage_gb", 64), v("128 ГБ", "128 GB", "storage_gb", 128),
                            v("256 ГБ", "256 GB", "storage_gb", 256))),
            new Kind(t("Внешний аккумулятор", "Power Bank"), new Range(990, 5990), new Range(0.2, 0.5), PLASTIC,
                    t("быстрая зарядка 22,5 Вт", "22.5 W fast charging"),
                    List.of(t("повербанк", "power bank"), t("зарядка", "charging")),
                    List.of(v("10 000 мА·ч", "10,000 mAh", "capacity_mah", 10000),
                            v("20 000 мА·ч", "20,000 mAh", "capacity_mah", 20000),
                            v("30 000 мА·ч", "30,000 mAh", "capacity_mah", 30000))));

    static final Category ELECTRONICS = new Category("electronics", t("Электроника", "Electronics"), "ELC", 12,
            Naming.MODEL, List.of("Voltix", "SoundWave", "Lumora", "Kvant", "Technika"), ELECTRONICS_KINDS,
            new Copy(List.of(t("лаконичный дизайн", "a clean design"), t("простая настройка", "easy set-up"),
                    t("низкое энергопотребление", "low power consumption"),
                    t("надёжная сборка", "solid build quality"),
                    t("обновления прошивки по воздуху", "over-the-air firmware updates")),
                    List.of(t("Отличный подарок для любителей техники.", "A great gift for tech lovers."),
                            t("В комплекте инструкция на русском языке.", "Comes with a manual in Russian."),
                            t("Имеет сертификат соответствия ЕАЭС.", "EAEU certified."))),
            new Traits(List.of(BLACK, WHITE, SILVER, t("графитовый", "graphite"), BLUE), List.of(12, 24),
                    List.of(spec("country_of_origin", CHINA, VIETNAM, t("Малайзия", "Malaysia"))), true));

    private static final List<Kind> PHONE_KINDS = List.of(
            phone(t("Смартфон", "Smartphone"), 8990, 29990, t("пластик и стекло", "plastic and glass"),
                    t("ёмкий аккумулятор на весь день", "an all-day battery"), 64, 128, 256),
            phone(t("Смартфон флагманский", "Flagship Smartphone"), 49990, 149990,
                    t("стекло и алюминий", "glass and aluminium"),
                    t("тройная камера 50 Мп со стабилизацией", "a stabilised 50 MP triple camera"), 256, 512, 1024),
            phone(t("Смартфон складной", "Foldable Smartphone"), 79990, 179990,
                    t("стекло и алюминий", "glass and aluminium"),
                    t("гибкий экран и прочный шарнир", "a flexible display and a durable hinge"), 256, 512),
            phone(t("Смартфон защищённый", "Rugged Smartphone"), 14990, 39990,
                    t("поликарбонат и резина", "polycarbonate and rubber"),
                    t("защита IP68 и ударопрочный корпус", "IP68 protection and a shockproof body"), 128, 256),
            phone(t("Смартфон компактный", "Compact Smartphone"), 19990, 59990, ALUMINIUM,
                    t("размер, удобный для работы одной рукой", "a size made for one-handed use"), 128, 256));

    static final Category SMARTPHONES = new Category("smartphones", t("Смартфоны", "Smartphones"), "PHN", 10,
            Naming.MODEL, List.of("Novaphone", "Orion", "Pixelon", "Astra", "Zenit"), PHONE_KINDS,
            new Copy(List.of(t("быстрая зарядка", "fast charging"), t("поддержка двух SIM-карт", "dual SIM support"),
                    t("поддержка 5G", "5G support"), t("сканер отпечатка пальца", "a fingerprint scanner"),
                    t("регулярные обновления безопасности", "regular security updates")),
                    List.of(t("В комплекте кабель USB-C.", "A USB-C cable is included."),
                            t("Официальная гарантия производителя.", "Official manufacturer warranty."),
                            t("Полностью русифицированный интерфейс.", "A fully localised interface."))),
            new Traits(List.of(BLACK, WHITE, BLUE, GREEN, t("фиолетовый", "purple"), t("титановый", "titanium")),
                    List.of(12, 24), List.of(spec("ram_gb", 4, 6, 8, 12), spec("screen_in", 6.1, 6.4, 6.7, 6.9),
                            spec("battery_mah", 4000, 4500, 5000, 5500), spec("nfc", true, true, false),
                            spec("os", "Android 15", "Android 16")), true));

    private static final List<Kind> AUTO_KINDS = List.of(
            new Kind(t("Видеорегистратор", "Dash Cam"), new Range(1990, 14990), new Range(0.08, 0.25), PLASTIC,
                    t("ночная съёмка и датчик удара", "night vision and a G-sensor"),
                    List.of(t("видеорегистратор", "dash cam")),
                    List.of(v("Full HD", "Full HD", "resolution", "1080p"), v("2K", "2K", "resolution", "1440p"),
                            v("4K", "4K", "resolution", "2160p"))),
            new Kind(t("Щётки стеклоочистителя", "Wiper Blades"), new Range(390, 2490), new Range(0.2, 0.5),
                    t("резина и сталь", "rubber and steel"), t("бескаркасная конструкция", "a frameless design"),
                    List.of(t("дворники", "wipers"), t("стеклоочиститель", "wiper blades")),
                    List.of(v("450 мм", "450 mm", "length_mm", 450), v("550 мм", "550 mm", "length_mm", 550),
                            v("650 мм", "650 mm", "length_mm", 650))),
            new Kind(t("Автомобильный компрессор", "Car Air Compressor"), new Range(1490, 7990), new Range(1, 2.5),
                    t("металл и пластик", "metal and plastic"),
                    t("встроенный манометр и фонарик", "a built-in gauge and torch"),
                    List.of(t("компрессор", "compressor"), t("шины", "tyres")),
                    List.of(v("35 л/мин", "35 L/min", "flow_l_min", 35), v("50 л/мин", "50 L/min", "flow_l_min", 50),
                            v("70 л/мин", "70 L/min", "flow_l_min", 70))),
            new Kind(t("Коврики в салон", "Car Floor Mats"), new Range(990, 5990), new Range(1.5, 5),
                    t("полиуретан", "polyurethane"),
                    t("высокие борта, которые удерживают воду и грязь", "raised edges that keep water and dirt in"),
                    List.of(t("коврики", "floor mats"), t("салон", "interior")),
                    List.of(v("2 шт.", "set of 2", "pieces", 2), v("4 шт.", "set of 4", "pieces", 4),
                            v("5 шт.", "set of 5", "pieces", 5))),
            new Kind(t("Зарядное устройство для АКБ", "Car Battery Charger"), new Range(1990, 8990),
                    new Range(0.6, 2), PLASTIC,
                    t("автоматический режим и защита от переполюсовки", "an auto mode and reverse-polarity protection"),
                    List.of(t("зарядное устройство", "charger"), t("аккумулятор", "battery")),
                    List.of(v("6 А", "6 A", "current_a", 6), v("10 А", "10 A", "current_a", 10),
                            v("15 А", "15 A", "current_a", 15))),
            new Kind(t("Автомобильный пылесос", "Car Vacuum Cleaner"), new Range(1490, 5990), new Range(0.8, 1.6),
                    PLASTIC, t("питание от прикуривателя и щелевая насадка", "a 12 V plug and a crevice nozzle"),
                    List.of(t("пылесос", "vacuum cleaner"), t("уборка", "cleaning")),
                    List.of(v("60 Вт", "60 W", "power_w", 60), v("100 Вт", "100 W", "power_w", 100),
                            v("120 Вт", "120 W", "power_w", 120))));

    static final Category AUTO = new Category("auto", t("Автотовары", "Car Accessories"), "AUT", 6,
            Naming.BRANDED, List.of("Motorix", "DriveOn", "AutoPilot", "Avtodom", "Garazh"), AUTO_KINDS,
            new Copy(List.of(t("простая установка", "easy installation"),
                    t("надёжные материалы", "dependable materials"),
                    t("работа в мороз до −30 °C", "operation in frosts down to −30 °C"),
                    t("компактные размеры", "a compact size")),
                    List.of(t("Полезная вещь для каждого автомобилиста.", "A must-have for every driver."),
                            t("Подходит для большинства легковых автомобилей.", "Fits most passenger cars."),
                            t("Хороший подарок водителю.", "A good gift for a driver."))),
            new Traits(List.of(BLACK, GREY), List.of(6, 12, 24),
                    List.of(spec("country_of_origin", CHINA, RUSSIA)), true));

    private TechGoods() {
    }

    /** A smartphone kind: its variants are the built-in storage sizes, in gigabytes. */
    private static Kind phone(Text name, double minPrice, double maxPrice, Text material, Text feature,
            int... storageGb) {
        List<Variant> variants = Arrays.stream(storageGb).mapToObj(TechGoods::storage).toList();
        return new Kind(name, new Range(minPrice, maxPrice), new Range(0.16, 0.28), material, feature,
                List.of(t("смартфон", "smartphone"), t("телефон", "phone")), variants);
    }

    private static Variant storage(int gb) {
        return gb >= 1024
                ? v(gb / 1024 + " ТБ", gb / 1024 + " TB", "storage_gb", gb)
                : v(gb + " ГБ", gb + " GB", "storage_gb", gb);
    }
}
