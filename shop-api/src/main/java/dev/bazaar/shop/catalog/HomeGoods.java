package dev.bazaar.shop.catalog;

import static dev.bazaar.shop.catalog.Spec.spec;
import static dev.bazaar.shop.catalog.Text.t;
import static dev.bazaar.shop.catalog.Variant.v;
import static dev.bazaar.shop.catalog.Vocabulary.BEIGE;
import static dev.bazaar.shop.catalog.Vocabulary.BLACK;
import static dev.bazaar.shop.catalog.Vocabulary.CHINA;
import static dev.bazaar.shop.catalog.Vocabulary.GLASS;
import static dev.bazaar.shop.catalog.Vocabulary.GREEN;
import static dev.bazaar.shop.catalog.Vocabulary.GREY;
import static dev.bazaar.shop.catalog.Vocabulary.ORANGE;
import static dev.bazaar.shop.catalog.Vocabulary.PLASTIC;
import static dev.bazaar.shop.catalog.Vocabulary.RUSSIA;
import static dev.bazaar.shop.catalog.Vocabulary.TURKEY;
import static dev.bazaar.shop.catalog.Vocabulary.WHITE;

import java.util.List;

/** Word lists of the home categories: home and kitchen, garden, beauty. */
final class HomeGoods {

    private static final Text STEEL = t("нержавеющая сталь", "stainless steel");

    private static final List<Kind> HOME_KINDS = List.of(
            new Kind(t("Электрический чайник", "Electric Kettle"), new Range(990, 7990), new Range(0.9, 1.6), STEEL,
                    t("автоотключение при закипании", "automatic switch-off at the boil"),
                    List.of(t("чайник", "kettle"), t("кухня", "kitchen")),
                    List.of(v("1,5 л", "1.5 L", "volume_l", 1.5), v("1,7 л", "1.7 L", "volume_l", 1.7),
                            v("2 л", "2 L", "volume_l", 2))),
            new Kind(t("Сковорода антипригарная", "Non-Stick Frying Pan"), new Range(890, 5990), new Range(0.8, 1.8),
                    t("алюминий с антипригарным покрытием", "aluminium with a non-stick coating"),
                    t("подходит для всех плит, включая индукционные", "works on all hobs, induction included"),
                    List.of(t("сковорода", "frying pan"), t("посуда", "cookware")),
                    List.of(v("24 см", "24 cm", "diameter_cm", 24), v("26 см", "26 cm", "diameter_cm", 26),
                            v("28 см", "28 cm", "diameter_cm", 28))),
            new Kind(t("Набор кастрюль", "Cookware Set"), new Range(2990, 19990), new Range(3, 9), STEEL,
                    t("стеклянные крышки с отводом пара", "glass lids with steam vents"),
                    List.of(t("кастрюли", "pots"), t("посуда", "cookware")),
                    List.of(v("3 предмета", "3 pieces", "pieces", 3), v("6 предметов", "6 pieces", "pieces", 6),
                            v("10 предметов", "10 pieces", "pieces", 10))),
            new Kind(t("Погружной блендер", "Hand Blender"), new Range(1490, 8990), new Range(0.8, 1.5),
                    t("пластик и нержавеющая сталь", "plastic and stainless steel"),
                    t("насадки для измельчения и взбивания", "chopping and whisking attachments"),
                    List.of(t("блендер", "blender"), t("кухня", "kitchen")),
                    List.of(v("600 Вт", "600 W", "power_w", 600), v("800 Вт", "800 W", "power_w", 800),
                            v("1000 Вт", "1000 W", "power_w", 1000), v("1200 Вт", "1200 W", "power_w", 1200))),
            new Kind(t("Комплект постельного белья", "Bed Linen Set"), new Range(1990, 9990), new Range(1.2, 2.8),
                    t("хлопковый сатин", "cotton sateen"),
                    t("мягкая ткань, которая не линяет", "a soft fabric that keeps its colour"),
                    List.of(t("постельное бельё", "bed linen"), t("спальня", "bedroom")),
                    List.of(v("1,5-спальный", "single", "bed_size", "single"),
                            v("2-спальный", "double", "bed_size", "double"),
                            v("евро", "king size", "bed_size", "king"))),
            new Kind(t("Плед флисовый", "Fleece Throw"), new Range(590, 3490), new Range(0.5, 1.3),
                    t("флис", "fleece"), t("тёплая и лёгкая ткань", "warm, lightweight fabric"),
                    List.of(t("плед", "throw"), t("уют", "cosy home")),
                    List.of(v("130×170 см", "130×170 cm", "size_cm", "130x170"),
                            v("150×200 см", "150×200 cm", "size_cm", "150x200"),
                            v("200×220 см", "200×220 cm", "size_cm", "200x220"))));

    static final Category HOME = new Category("home-kitchen", t("Дом и кухня", "Home & Kitchen"), "HOM", 10,
            Naming.BRANDED, List.of("Domovita", "KitchenPro", "Uyut", "Teplodom", "Chef&Co"), HOME_KINDS,
            new Copy(List.of(t("простой уход", "easy care"), t("долговечные материалы", "long-lasting materials"),
                    t("стильный дизайн", "a stylish design"), t("экологичные материалы", "eco-friendly materials")),
                    List.of(t("Сделает дом уютнее.", "Makes your home cosier."),
                            t("Хороший подарок на новоселье.", "A good housewarming gift."),
                            t("Прослужит долгие годы.", "Built to last for years."))),
            new Traits(List.of(WHITE, BLACK, BEIGE, GREY, t("мятный", "mint")), List.of(12, 24, 36),
                    List.of(spec("country_of_origin", RUSSIA, CHINA, TURKEY)), true));

    private static final List<Kind> GARDEN_KINDS = List.of(
            new Kind(t("Садовый шланг", "Garden Hose"), new Range(590, 3990), new Range(1.5, 6),
                    t("армированный ПВХ", "reinforced PVC"),
                    t("армирование, которое не даёт шлангу перекручиваться", "reinforcement that stops kinks"),
                    List.of(t("шланг", "hose"), t("полив", "watering")),
                    List.of(v("15 м", "15 m", "length_m", 15), v("25 м", "25 m", "length_m", 25),
                            v("50 м", "50 m", "length_m", 50))),
            new Kind(t("Секатор", "Pruning Shears"), new Range(390, 2990), new Range(0.2, 0.35),
                    t("сталь с тефлоновым покрытием", "Teflon-coated steel"),
                    t("острые лезвия из закалённой стали", "sharp hardened-steel blades"),
                    List.of(t("секатор", "pruner"), t("обрезка", "pruning")),
                    List.of(v("18 см", "18 cm", "length_cm", 18), v("20 см", "20 cm", "length_cm", 20),
                            v("22 см", "22 cm", "length_cm", 22))),
            new Kind(t("Газонокосилка электрическая", "Electric Lawn Mower"), new Range(6990, 29990),
                    new Range(9, 16), t("пластик и сталь", "plastic and steel"),
                    t("травосборник и регулировка высоты скоса", "a grass box and cutting-height adjustment"),
                    List.of(t("газонокосилка", "lawn mower"), t("газон", "lawn")),
                    List.of(v("1200 Вт", "1200 W", "power_w", 1200), v("1600 Вт", "1600 W", "power_w", 1600),
                            v("1800 Вт", "1800 W", "power_w", 1800))),
            new Kind(t("Лопата штыковая", "Digging Spade"), new Range(490, 2490), new Range(1.2, 2.2),
                    t("сталь и дерево", "steel and wood"),
                    t("заточенное полотно из закалённой стали", "a sharpened hardened-steel blade"),
                    List.of(t("лопата", "spade"), t("садовый инвентарь", "garden tools")),
                    List.of(v("черенок 110 см", "110 cm handle", "handle_cm", 110),
                            v("черенок 120 см", "120 cm handle", "handle_cm", 120),
                            v("черенок 130 см", "130 cm handle", "handle_cm", 130))),
            new Kind(t("Лейка садовая", "Watering Can"), new Range(290, 1490), new Range(0.3, 0.9), PLASTIC,
                    t("съёмный рассеиватель", "a removable rose"),
                    List.of(t("лейка", "watering can"), t("полив", "watering")),
                    List.of(v("5 л", "5 L", "volume_l", 5), v("8 л", "8 L", "volume_l", 8),
                            v("10 л", "10 L", "volume_l", 10))),
            new Kind(t("Перчатки садовые", "Garden Gloves"), new Range(149, 790), new Range(0.05, 0.15),
                    t("хлопок с нитриловым покрытием", "nitrile-coated cotton"),
                    t("защита рук от влаги и шипов", "protection from moisture and thorns"),
                    List.of(t("перчатки", "gloves"), t("садовый инвентарь", "garden tools")),
                    Vocabulary.LETTER_SIZES.subList(1, 4)));

    static final Category GARDEN = new Category("garden", t("Сад и огород", "Garden"), "GRD", 6,
            Naming.BRANDED, List.of("Sadovod", "GreenHand", "Dachnik", "AgroProf", "Ogorodnik"), GARDEN_KINDS,
            new Copy(List.of(t("прочная конструкция", "a robust construction"),
                    t("устойчивость к непогоде", "weather resistance"), t("небольшой вес", "light weight"),
                    t("простое хранение", "easy storage")),
                    List.of(t("Облегчит работу на даче.", "Makes work at the dacha easier."),
                            t("Подходит и для сада, и для огорода.", "Suits both garden and vegetable patch."),
                            t("Прослужит не один сезон.", "Will last for many seasons."))),
            new Traits(List.of(GREEN, BLACK, ORANGE, GREY), List.of(6, 12, 24),
                    List.of(spec("country_of_origin", RUSSIA, CHINA)), true));

    private static final List<Kind> BEAUTY_KINDS = List.of(
            new Kind(t("Увлажняющий крем для лица", "Moisturising Face Cream"), new Range(390, 3990),
                    new Range(0.08, 0.25), GLASS, t("гиалуроновая кислота в составе", "hyaluronic acid in the formula"),
                    List.of(t("крем", "face cream"), t("уход за кожей", "skincare")),
                    List.of(v("30 мл", "30 ml", "volume_ml", 30), v("50 мл", "50 ml", "volume_ml", 50),
                            v("100 мл", "100 ml", "volume_ml", 100))),
            new Kind(t("Шампунь для волос", "Hair Shampoo"), new Range(290, 1490), new Range(0.3, 1.1), PLASTIC,
                    t("мягкая бессульфатная формула", "a gentle sulfate-free formula"),
                    List.of(t("шампунь", "shampoo"), t("уход за волосами", "haircare")),
                    List.of(v("250 мл", "250 ml", "volume_ml", 250), v("400 мл", "400 ml", "volume_ml", 400),
                            v("1000 мл", "1000 ml", "volume_ml", 1000))),
            new Kind(t("Фен для волос", "Hair Dryer"), new Range(1490, 12990), new Range(0.4, 0.9), PLASTIC,
                    t("ионизация и три режима нагрева", "ionisation and three heat settings"),
                    List.of(t("фен", "hair dryer"), t("укладка", "styling")),
                    List.of(v("1800 Вт", "1800 W", "power_w", 1800), v("2000 Вт", "2000 W", "power_w", 2000),
                            v("2200 Вт", "2200 W", "power_w", 2200))),
            new Kind(t("Парфюмерная вода", "Eau de Parfum"), new Range(1990, 14990), new Range(0.15, 0.45), GLASS,
                    t("стойкий цветочно-древесный аромат", "a long-lasting floral-woody scent"),
                    List.of(t("парфюм", "perfume"), t("аромат", "fragrance")),
                    List.of(v("30 мл", "30 ml", "volume_ml", 30), v("50 мл", "50 ml", "volume_ml", 50),
                            v("100 мл", "100 ml", "volume_ml", 100))),
            new Kind(t("Электрическая зубная щётка", "Electric Toothbrush"), new Range(1290, 9990),
                    new Range(0.1, 0.25), PLASTIC, t("таймер и датчик давления", "a timer and a pressure sensor"),
                    List.of(t("зубная щётка", "toothbrush"), t("гигиена", "oral care")),
                    List.of(v("1 насадка", "1 brush head", "brush_heads", 1),
                            v("2 насадки", "2 brush heads", "brush_heads", 2),
                            v("4 насадки", "4 brush heads", "brush_heads", 4))),
            new Kind(t("Палетка теней", "Eyeshadow Palette"), new Range(490, 3490), new Range(0.05, 0.2), PLASTIC,
                    t("матовые и сияющие оттенки", "matte and shimmer shades"),
                    List.of(t("тени", "eyeshadow"), t("макияж", "makeup")),
                    List.of(v("9 оттенков", "9 shades", "shades", 9), v("12 оттенков", "12 shades", "shades", 12),
                            v("18 оттенков", "18 shades", "shades", 18))));

    static final Category BEAUTY = new Category("beauty", t("Красота и уход", "Beauty & Care"), "BTY", 8,
            Naming.BRANDED, List.of("Aurelia", "BeautyLab", "NaturaVita", "Silk Rose", "Lumea"), BEAUTY_KINDS,
            new Copy(List.of(t("продуманный дизайн", "a thoughtful design"), t("удобная упаковка", "handy packaging"),
                    t("эргономичная форма", "an ergonomic shape"),
                    t("проверенное качество", "proven quality")),
                    List.of(t("Подходит для ежедневного использования.", "Suitable for everyday use."),
                            t("Отличный подарок близким.", "A lovely gift for someone close."),
                            t("Товар сертифицирован.", "The product is certified."))),
            new Traits(List.of(), List.of(), List.of(spec("country_of_origin", RUSSIA, t("Франция", "France"),
                    t("Южная Корея", "South Korea"), t("Италия", "Italy"))), true));

    private HomeGoods() {
    }
}
