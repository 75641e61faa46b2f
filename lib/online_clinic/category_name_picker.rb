# frozen_string_literal: true

module ::OnlineClinic
  # Discourse wants unique top-level category names. A clash with another clinic's name
  # must neither fail (that would reveal the other clinic) nor show a number: it gets a
  # short random tag instead.
  module CategoryNamePicker
    MAX_LENGTH = 50
    TAG_LENGTH = 4

    module_function

    def pick(name, except_category_id: nil)
      return name if !taken?(name, except_category_id)
      base = name[0, MAX_LENGTH - TAG_LENGTH - 3]
      "#{base} (#{SecureRandom.alphanumeric(TAG_LENGTH)})"
    end

    def taken?(name, except_category_id)
      scope = Category.where(parent_category_id: nil).where("LOWER(name) = LOWER(?)", name)
      scope = scope.where.not(id: except_category_id) if except_category_id
      scope.exists?
    end
  end
end
