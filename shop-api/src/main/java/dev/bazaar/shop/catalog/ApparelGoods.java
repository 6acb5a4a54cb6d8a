package dev.bazaar.shop.catalog;

import static dev.bazaar.shop.catalog.Spec.spec;
import static dev.bazaar.shop.catalog.Text.t;
import static dev.bazaar.shop.catalog.Vocabulary.BEIGE;
import static dev.bazaar.shop.catalog.Vocabulary.BLACK;
import static dev.bazaar.shop.catalog.Vocabulary.BLUE;
import static dev.bazaar.shop.catalog.Vocabulary.BROWN;
import static dev.bazaar.shop.catalog.Vocabulary.CHINA;
import static dev.bazaar.shop.catalog.Vocabulary.GREY;
import static dev.bazaar.shop.catalog.Vocabulary.LETTER_SIZES;
import static dev.bazaar.shop.catalog.Vocabulary.NAVY;
import static dev.bazaar.shop.catalog.Vocabulary.RUSSIA;
import static dev.bazaar.shop.catalog.Vocabulary.SHOE_SIZES;
import static dev.bazaar.shop.catalog.Vocabulary.TURKEY;
import static dev.bazaar.shop.catalog.Vocabulary.VIETNAM;
import static dev.bazaar.shop.catalog.Vocabulary.WHITE;

import java.util.List;

/** Word lists of the apparel categories: clothing and shoes, whose variants are sizes that do not change price. */
final class ApparelGoods {

    private static final Spec GENDER = spec("gender", t("унисекс", "unisex"), t("мужской", "men's"),
            t("женский", "women's"));

    private static final List<Kind> CLOTHING_KINDS = List.of(
            garment(t("Футболка хлопковая", "Cotton T-Shirt"), 490, 2490, new Range(0.15, 0.25),
                    t("100% хлопок", "100% cotton"), t("плотный трикотаж", "heavyweight jersey"),
                    t("футболка", "t-shirt"), t("базовый гардероб", "basics")),
            garment(t("Худи оверсайз", "Oversized Hoodie"), 1490, 5990, new Range(0.4, 0.8),
                    t("хлопок с начёсом", "brushed cotton"),
                    t("капюшон и карман-кенгуру", "a hood and a kangaroo pocket"),
                    t("худи", "hoodie"), t("толстовка", "sweatshirt")),
            garment(t("Джинсы прямые", "Straight-Leg Jeans"), 1990, 6990, new Range(0.5, 0.9),
                    t("деним: 98% хлопок, 2% эластан", "denim: 98% cotton, 2% elastane"),
                    t("классическая пятикарманная модель", "the classic five-pocket cut"),
                    t("джинсы", "jeans"), t("деним", "denim")),
            garment(t("Куртка демисезонная", "Mid-Season Jacket"), 3990, 14990, new Range(0.6, 1.2),
                    t("полиэстер", "polyester"),
                    t("водоотталкивающая ткань и лёгкий утеплитель", "water-repellent fabric and light insulation"),
                    t("куртка", "jacket"), t("верхняя одежда", "outerwear")),
            garment(t("Пуховик", "Down Jacket"), 6990, 29990, new Range(0.8, 1.6),
                    t("полиэстер, натуральный пух", "polyester, natural down"),
                    t("тёплый наполнитель, рассчитанный на −30 °C", "warm fill rated to −30 °C"),
                    t("пуховик", "down jacket"), t("зима", "winter")),
            garment(t("Свитер вязаный", "Knit Sweater"), 1990, 6990, new Range(0.4, 0.8),
                    t("шерсть и акрил", "wool and acrylic"), t("мягкая вязка косами", "a soft cable knit"),
                    t("свитер", "sweater"), t("трикотаж", "knitwear")));

    static final Category CLOTHING = new Category("clothing", t("Одежда", "Clothing"), "CLO", 10,
            Naming.BRANDED, List.of("UrbanWay", "Severyanka", "BasicLine", "Nord Style", "Moda Vita"), CLOTHING_KINDS,
            new Copy(List.of(t("аккуратные прочные швы", "neat, durable seams"),
                    t("сохранение формы после стирки", "a shape that survives the wash"),
                    t("удобная посадка", "a comfortable fit"), t("приятная к телу ткань", "a fabric kind to the skin")),
                    List.of(t("Легко сочетается с базовым гардеробом.", "Pairs easily with a basic wardrobe."),
                            t("Перед заказом сверьтесь с таблицей размеров.", "Check the size chart before ordering."),
                            t("Машинная стирка при 30 °C.", "Machine washable at 30 °C."))),
            new Traits(List.of(BLACK, WHITE, GREY, NAVY, BEIGE, t("хаки", "khaki"), t("бордовый", "burgundy")),
                    List.of(), List.of(GENDER, spec("country_of_origin", RUSSIA, TURKEY, CHINA,
                            t("Узбекистан", "Uzbekistan"))), false));

    private static final List<Kind> SHOE_KINDS = List.of(
            shoe(t("Кроссовки беговые", "Running Shoes"), 2490, 14990, new Range(0.5, 0.8),
                    t("текстиль и ЭВА", "textile and EVA"), t("дышащий сетчатый верх", "a breathable mesh upper"),
                    t("кроссовки", "sneakers"), t("бег", "running")),
            shoe(t("Кеды", "Canvas Sneakers"), 1490, 5990, new Range(0.5, 0.9),
                    t("хлопковый канвас и резина", "cotton canvas and rubber"),
                    t("классический силуэт", "a classic silhouette"), t("кеды", "canvas sneakers"),
                    t("лето", "summer")),
            shoe(t("Ботинки зимние", "Winter Boots"), 3990, 17990, new Range(1.0, 1.8),
                    t("натуральная кожа и мех", "genuine leather and fur"),
                    t("тёплая подкладка из натурального меха", "a warm natural-fur lining"),
                    t("ботинки", "boots"), t("зима", "winter")),
            shoe(t("Туфли классические", "Classic Oxford Shoes"), 2990, 12990, new Range(0.7, 1.2),
                    t("натуральная кожа", "genuine leather"),
                    t("элегантный силуэт для делового стиля", "an elegant look for business wear"),
                    t("туфли", "shoes"), t("классика", "formal")),
            shoe(t("Сандалии", "Sandals"), 990, 4990, new Range(0.4, 0.7), t("экокожа", "faux leather"),
                    t("регулируемые ремешки", "adjustable straps"), t("сандалии", "sandals"), t("лето", "summer")),
            shoe(t("Тапочки домашние", "House Slippers"), 390, 1490, new Range(0.2, 0.4),
                    t("флис и ЭВА", "fleece and EVA"),
                    t("мягкая стелька с эффектом памяти", "a soft memory-foam insole"),
                    t("тапочки", "slippers"), t("для дома", "home wear")));

    static final Category SHOES = new Category("shoes", t("Обувь", "Shoes"), "SHO", 7,
            Naming.BRANDED, List.of("Stepway", "RunFast", "Tropa", "UrbanFoot", "Severny Shag"), SHOE_KINDS,
            new Copy(List.of(t("анатомическая стелька", "an anatomical insole"),
                    t("нескользящая подошва", "a non-slip outsole"), t("небольшой вес", "light weight"),
                    t("прочная строчка", "durable stitching")),
                    List.of(t("Соответствует размеру.", "True to size."),
                            t("Подходит для ежедневной носки.", "Made for everyday wear."),
                            t("Удобно с первого дня.", "Comfortable from day one."))),
            new Traits(List.of(BLACK, WHITE, GREY, BROWN, BLUE), List.of(1, 3),
                    List.of(GENDER, spec("country_of_origin", RUSSIA, CHINA, VIETNAM)), false));

    private ApparelGoods() {
    }

    private static Kind garment(Text name, double minPrice, double maxPrice, Range weightKg, Text material,
            Text feature, Text tag, Text group) {
        return new Kind(name, new Range(minPrice, maxPrice), weightKg, material, feature,
                List.of(tag, group, t("одежда", "clothing")), LETTER_SIZES);
    }

    private static Kind shoe(Text name, double minPrice, double maxPrice, Range weightKg, Text material,
            Text feature, Text tag, Text group) {
        return new Kind(name, new Range(minPrice, maxPrice), weightKg, material, feature,
                List.of(tag, group, t("обувь", "shoes")), SHOE_SIZES);
    }
}
